// Opens the embedded database the way the app does, for db/lock.test.ts.
// `hold` keeps it open until killed; otherwise it closes and exits.
import { sql } from 'drizzle-orm';
import { closeDatabase, db, prepareDatabase } from '../../db';
import { authSecret } from '../auth/secret';

const hold = process.argv[2] === 'hold';
Promise.resolve()
  .then(() => {
    // As the server does at start-up: the secret beside the data (made when missing).
    if (process.env.EOI_TEST_SECRET === '1') authSecret();
    return prepareDatabase();
  })
  .then(async () => {
    await db.execute(sql`select 1`);
    console.log('OPEN');
    if (hold) setInterval(() => {}, 60_000);
    else {
      await closeDatabase();
      process.exit(0);
    }
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(3);
  });
