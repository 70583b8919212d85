import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { getFileForReviewer } from '@/lib/data/reviews';
import { fileDownload } from '@/lib/files/http';

type Params = { params: Promise<{ assignmentId: string; fileId: string }> };

/**
 * A document of an application, for the reviewer assigned to it, after their conflict
 * declaration. Anyone else gets 404: the file does not exist for them.
 */
export async function GET(_request: Request, { params }: Params) {
  const user = await getOptionalUser();
  const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  if (!user || !can(user, 'review:write')) return notFound();
  const { assignmentId, fileId } = await params;
  const file = await getFileForReviewer(user, assignmentId, fileId);
  if (!file) return notFound();
  return fileDownload(file);
}
