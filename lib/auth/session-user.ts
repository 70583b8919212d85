import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { db } from '@/db';
import { userRoles, users, type Role } from '@/db/schema';

/** The signed-in user as every action and data function sees them. */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  roles: Role[];
  locale: string | null;
};

type Loaded = SessionUser & { sessionVersion: number; disabled: boolean };

/** The user with their current roles, straight from the database (never from the cookie). */
export async function loadUser(userId: string, executor: Executor = db): Promise<Loaded | null> {
  const rows = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      role: userRoles.role,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId));
  if (!rows.length) return null;
  const [first] = rows;
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    locale: first.locale,
    sessionVersion: first.sessionVersion,
    disabled: first.disabledAt !== null,
    roles: rows.flatMap((r) => (r.role ? [r.role] : [])).sort(),
  };
}

export function toSessionUser(loaded: Loaded): SessionUser {
  const { id, email, name, roles, locale } = loaded;
  return { id, email, name, roles, locale };
}
