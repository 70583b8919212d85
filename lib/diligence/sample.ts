import path from 'node:path';

/** The invented sample in the list's XML schema, for the tests and the demo (read from the app's folder, like the migrations). */
export const SANCTIONS_SAMPLE = path.join(process.cwd(), 'lib', 'diligence', 'fixtures', 'consolidated-sample.xml');
