import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { getOutboxMessage } from '@/lib/data/outbox';
import { mailHtml } from '@/lib/mail/outbox';
import { MAIL_PREVIEW_POLICY } from '@/lib/security/headers';

type Params = { params: Promise<{ id: string }> };

/**
 * The HTML part of a queued message, as its recipient would see it, for the admin outbox's
 * preview frame. Mail HTML needs inline styles, which the site's policy forbids, so it is
 * served on its own with a policy of its own: styles and inline images only, no script,
 * sandboxed, framed by our own pages only. Anyone but an admin: not found.
 */
export async function GET(_request: Request, { params }: Params) {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const user = await getOptionalUser();
  if (!user || !can(user, 'outbox:read')) return notFound();
  const { id } = await params;
  const message = await getOutboxMessage(user, id);
  if (!message) return notFound();
  return new Response(mailHtml(message), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': MAIL_PREVIEW_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'private, no-store',
    },
  });
}
