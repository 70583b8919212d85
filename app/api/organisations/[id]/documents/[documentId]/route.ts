import { getOptionalUser } from '@/lib/auth/session';
import { getOrganisationDocumentForDownload, removeOrganisationDocument } from '@/lib/data/verification';
import { crossSite, fileDownload, fileFailure, fileRouteFailed } from '@/lib/files/http';

/**
 * One document of an organisation's library: GET downloads it (the organisation's members
 * and due-diligence admins), DELETE removes it (a member).
 */

type Params = { params: Promise<{ id: string; documentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { id, documentId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  const file = await getOrganisationDocumentForDownload(user, { organisationId: id, documentId });
  if (!file) return fileFailure('notFound');
  return fileDownload(file);
}

export async function DELETE(request: Request, { params }: Params) {
  const { id, documentId } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  try {
    await removeOrganisationDocument(user, { organisationId: id, documentId });
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'organisation documents');
  }
}
