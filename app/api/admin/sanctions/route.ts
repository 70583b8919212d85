import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { importUploadedSanctionsList, SANCTIONS_LIST_MAX_BYTES } from '@/lib/data/diligence';
import { crossSite, fileFailure, fileRouteFailed, readUpload } from '@/lib/files/http';

/**
 * PUT: an admin uploads a copy of the UN Security Council Consolidated List (the XML as
 * published, as the raw body, its name in X-File-Name). It becomes the current list and
 * every organisation is screened against it, in one transaction with the audit row.
 */
export async function PUT(request: Request) {
  const user = await getOptionalUser();
  if (!user) return fileFailure('unauthenticated');
  if (!can(user, 'sanctions:manage') || crossSite(request)) return fileFailure('forbidden');
  const upload = await readUpload(request, SANCTIONS_LIST_MAX_BYTES, 'consolidated.xml');
  if (!upload.ok) return fileFailure('fileTooLarge');
  if (!upload.bytes.length) return fileFailure('fileEmpty');
  try {
    const imported = await importUploadedSanctionsList(user, { fileName: upload.fileName, content: upload.bytes });
    return Response.json(
      { ok: true, listId: imported.list.id, counts: imported.counts, openHits: imported.openHits, newHits: imported.newHits },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return fileRouteFailed(error, 'sanctions import');
  }
}
