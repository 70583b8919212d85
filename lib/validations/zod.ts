import { z } from 'zod';

/**
 * Classic zod, for the schemas of admin and member pages. Those of the pages most people
 * open on a phone (./application, ./auth, ./account) and of the ranking's thresholds
 * (./assignment) are written with zod/mini, to keep classic zod out of those pages. Its
 * settings and the message helpers are in ./issues, loaded by the re-export below.
 */
export { issue } from './issues';
export { z };

/** A UUID as the database stores ids: checked before a query, so a malformed id is "not found", never a database error. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
