import { getOptionalUser } from '@/lib/auth/session';
import { prepareReportUpload, storeReportFile } from '@/lib/data/reports';
import { crossSite, fileFailure, fileRouteFailed, readUpload } from '@/lib/files/http';

/**
 * PUT adds a file to a partner's report on an award for a period (the raw bytes as the
 * body, the name in X-File-Name): only a member of the award's organisation, while the
 * report is a saved draft or sent back for changes (lib/data/reports.ts).
 */

type Params = { params: Promise<{ awardId: string; periodId: string }> };

export async function PUT(request: Request, { params }: Params) {
  const { awardId, periodId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  try {
    const { maxSizeBytes } = await prepareReportUpload(user, { awardId, periodId });
    const upload = await readUpload(request, maxSizeBytes, 'document');
    if (!upload.ok) return fileFailure('fileTooLarge');
    const stored = await storeReportFile(user, { awardId, periodId, fileName: upload.fileName, bytes: upload.bytes });
    return Response.json({ ok: true, file: stored }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'report files');
  }
}
