import { z } from 'zod';

/**
 * Classic zod, for every schema but the application form's (./application is written with
 * zod/mini, to keep classic zod out of that page). Its settings and the message helpers
 * are in ./issues, loaded by the re-export below.
 */
export { issue } from './issues';
export { z };

/** A UUID as the database stores ids: checked before a query, so a malformed id is "not found", never a database error. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
