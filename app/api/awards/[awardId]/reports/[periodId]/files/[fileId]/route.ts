import { getOptionalUser } from '@/lib/auth/session';
import { getReportFileForDownload, removeReportFile } from '@/lib/data/reports';
import { crossSite, fileDownload, fileFailure, fileRouteFailed } from '@/lib/files/http';

/**
 * One file of a partner's report: GET downloads it (the organisation's members and
 * admins), DELETE removes it (a member, while the report may still change).
 */

type Params = { params: Promise<{ awardId: string; periodId: string; fileId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { awardId, periodId, fileId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  const file = await getReportFileForDownload(user, { awardId, periodId, fileId });
  if (!file) return fileFailure('notFound');
  return fileDownload(file);
}

export async function DELETE(request: Request, { params }: Params) {
  const { awardId, periodId, fileId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  try {
    await removeReportFile(user, { awardId, periodId, fileId });
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'report files');
  }
}
