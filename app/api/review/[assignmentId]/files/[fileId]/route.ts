import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { getFileForReviewer } from '@/lib/data/reviews';
import { attachmentDisposition } from '@/lib/files/detect';

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
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.length),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
