import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { exportReviewsCsv } from '@/lib/data/ranking';
import { getCallForAdmin } from '@/lib/data/screening';
import { requestTranslator } from '@/lib/i18n/translate';

/** Every review of the call as CSV, for admins. Anyone else: 404, as if it did not exist. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getOptionalUser();
  if (!user || !can(user, 'ranking:read')) return new Response('Not found', { status: 404 });
  const { id } = await params;
  const call = await getCallForAdmin(user, id, 'ranking:read');
  if (!call) return new Response('Not found', { status: 404 });
  const csv = await exportReviewsCsv(user, call, await requestTranslator('export'));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${call.slug}-reviews.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
