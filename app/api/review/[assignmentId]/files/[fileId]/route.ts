import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { getFileForReviewer } from '@/lib/data/reviews';

type Params = { params: Promise<{ assignmentId: string; fileId: string }> };

/** Content-Disposition for any file name: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function disposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

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
      'Content-Disposition': disposition(file.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
