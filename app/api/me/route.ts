import { getOptionalUser } from '@/lib/auth/session';
import { needsEmailVerification } from '@/lib/data/account-tokens';

/**
 * Who is signed in, for the header's island on cached pages (which are the same for every
 * visitor). Never cached; a visitor costs no database query.
 */
export async function GET() {
  const user = await getOptionalUser();
  const viewer = user
    ? { name: user.name, email: user.email, roles: user.roles, emailUnconfirmed: await needsEmailVerification(user) }
    : null;
  return Response.json({ viewer }, { headers: { 'Cache-Control': 'private, no-store' } });
}
