import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { importUploadedSanctionsList, SANCTIONS_LIST_MAX_BYTES } from '@/lib/data/diligence';
import { AppError, type ErrorKey } from '@/lib/errors';
import { readBodyLimited } from '@/lib/files/stream';
import { requestTranslator } from '@/lib/i18n/translate';
import { requestLog } from '@/lib/log';

/**
 * PUT: an admin uploads a copy of the UN Security Council Consolidated List (the XML as
 * published, as the raw body, its name in X-File-Name). It becomes the current list and
 * every organisation is screened against it, in one transaction with the audit row.
 */

const statusOf: Partial<Record<ErrorKey, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  fileTooLarge: 413,
  fileEmpty: 400,
  sanctionsListInvalid: 422,
};

async function failure(key: ErrorKey, values?: Record<string, string | number | Date>) {
  const t = await requestTranslator('errors');
  return Response.json({ ok: false, error: t(key, values) }, { status: statusOf[key] ?? 400, headers: { 'Cache-Control': 'no-store' } });
}

/** Uploads come from our own pages only. */
function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function PUT(request: Request) {
  const user = await getOptionalUser();
  if (!user) return failure('unauthenticated');
  if (!can(user, 'sanctions:manage') || crossSite(request)) return failure('forbidden');
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > SANCTIONS_LIST_MAX_BYTES) return failure('fileTooLarge');
  const body = await readBodyLimited(request.body, SANCTIONS_LIST_MAX_BYTES);
  if (!body.ok) return failure('fileTooLarge');
  if (!body.bytes.length) return failure('fileEmpty');
  let fileName = 'consolidated.xml';
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? fileName);
  } catch {
    // A malformed name: keep the default.
  }
  try {
    const imported = await importUploadedSanctionsList(user, { fileName, content: body.bytes });
    return Response.json(
      { ok: true, listId: imported.list.id, counts: imported.counts, openHits: imported.openHits, newHits: imported.newHits },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof AppError) return failure(error.key, error.values);
    (await requestLog()).error({ err: error }, 'sanctions: import failed');
    return failure('unexpected');
  }
}
