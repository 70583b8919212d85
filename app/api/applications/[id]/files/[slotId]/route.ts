import { getOptionalUser } from '@/lib/auth/session';
import { getApplicationFileForDownload, prepareUpload, removeApplicationFile, storeApplicationFile } from '@/lib/data/files';
import { crossSite, fileDownload, fileFailure, fileRouteFailed, readUpload } from '@/lib/files/http';

/**
 * One document slot of an application: GET downloads the file, PUT uploads (or replaces)
 * it with the raw bytes as the body and the name in X-File-Name, DELETE removes it. Every
 * method authenticates and authorises itself through the data functions.
 */

type Params = { params: Promise<{ id: string; slotId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  const file = await getApplicationFileForDownload(user, { applicationId: id, slotId });
  if (!file) return fileFailure('notFound');
  return fileDownload(file);
}

export async function PUT(request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  const target = { applicationId: id, slotId };
  try {
    const { maxSizeBytes } = await prepareUpload(user, target);
    const upload = await readUpload(request, maxSizeBytes, 'document');
    if (!upload.ok) return fileFailure('fileTooLarge');
    const stored = await storeApplicationFile(user, { ...target, fileName: upload.fileName, bytes: upload.bytes });
    return Response.json({ ok: true, file: stored }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'files');
  }
}

export async function DELETE(request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  try {
    await removeApplicationFile(user, { applicationId: id, slotId });
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'files');
  }
}
