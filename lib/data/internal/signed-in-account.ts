import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { loadUser } from '@/lib/auth/session-user';

/**
 * The account that has just signed in with this address (its roles choose where it starts,
 * its language the cookie). Only for the sign-in action, once signIn() has accepted the
 * password: there is no session to read yet in that request, so no actor to check. Out of
 * reach of pages (eslint.config.mjs).
 */
export async function getSignedInAccount(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row ? loadUser(row.id) : null;
}
