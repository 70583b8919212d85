import crypto from 'node:crypto';
import { db } from '@/db';
import { userRoles, users, type Role } from '@/db/schema';
import { loadUser, toSessionUser, type SessionUser } from '@/lib/auth/session-user';

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}-${counter}@example.test`;
}

/** A user with the given roles, as the session would see them. */
export async function createUser(roles: Role[], options: { email?: string; name?: string; passwordHash?: string } = {}): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({ email: options.email ?? uniqueEmail(roles[0] ?? 'user'), name: options.name ?? 'Test User', passwordHash: options.passwordHash ?? null })
    .returning({ id: users.id });
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: row.id, role })));
  return toSessionUser((await loadUser(row.id))!);
}
