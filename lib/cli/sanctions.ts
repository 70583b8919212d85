/**
 * `npm run sanctions:import FILE`: imports a copy of the UN Security Council Consolidated
 * List (the XML as the UN publishes it) into the database the app uses (DATABASE_URL, or
 * the embedded one in PGLITE_DATA_DIR, which needs the app stopped), makes it the current
 * list and screens every organisation and its people against it. Prints the counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, db, prepareDatabase } from '@/db';
import { importSanctionsListAs } from '@/lib/data/internal/screening';
import { AppError } from '@/lib/errors';

async function main() {
  const fileArg = process.argv[2];
  if (!fileArg) throw new Error('Usage: npm run sanctions:import FILE');
  const file = path.resolve(fileArg);
  const content = fs.readFileSync(file);
  await prepareDatabase();
  try {
    const imported = await db.transaction((tx) =>
      // The command line acts as nobody: the audit row says so (actor empty), with the file's hash.
      importSanctionsListAs(tx, { id: null, email: null }, { fileName: path.basename(file), content }),
    );
    const { individuals, entities, aliases } = imported.counts;
    console.log(
      `Imported ${path.basename(file)}: ${individuals} individuals, ${entities} entities, ${aliases} aliases` +
        `${imported.list.generatedAt ? ` (list of ${imported.list.generatedAt.toISOString()})` : ''}. ` +
        `Screening: ${imported.newHits} new possible matches, ${imported.openHits} open in all.`,
    );
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `Import refused: ${error.key} ${JSON.stringify(error.values)}` : error);
  process.exit(1);
});
