import { getOptionalUser } from '@/lib/auth/session';
import { prepareOrganisationDocumentUpload, storeOrganisationDocument } from '@/lib/data/verification';
import { crossSite, fileFailure, fileRouteFailed, readUpload } from '@/lib/files/http';
import { organisationDocumentMetaSchema } from '@/lib/validations/diligence';

/**
 * PUT adds a document to an organisation's library (the raw bytes as the body, the name in
 * X-File-Name, its kind and expiry date in the query string): only a member of the
 * organisation (lib/data/verification.ts).
 */

type Params = { params: Promise<{ id: string }> };

export async function PUT(request: Request, { params }: Params) {
  const { id } = await params;
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (crossSite(request)) return fileFailure('forbidden');
  const query = new URL(request.url).searchParams;
  const meta = organisationDocumentMetaSchema.safeParse({ kind: query.get('kind') ?? '', expiresOn: query.get('expiresOn') ?? '' });
  if (!meta.success) return fileFailure('invalidInput');
  try {
    const { maxSizeBytes } = await prepareOrganisationDocumentUpload(user, id);
    const upload = await readUpload(request, maxSizeBytes, 'document');
    if (!upload.ok) return fileFailure('fileTooLarge');
    const stored = await storeOrganisationDocument(user, { organisationId: id, ...meta.data, fileName: upload.fileName, bytes: upload.bytes });
    return Response.json({ ok: true, document: stored }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return fileRouteFailed(error, 'organisation documents');
  }
}
