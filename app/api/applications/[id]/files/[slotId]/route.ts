import { getOptionalUser } from '@/lib/auth/session';
import { getApplicationFileForDownload, prepareUpload, removeApplicationFile, storeApplicationFile } from '@/lib/data/files';
import { AppError, type ErrorKey } from '@/lib/errors';
import { attachmentDisposition } from '@/lib/files/detect';
import { readBodyLimited } from '@/lib/files/stream';
import { requestTranslator } from '@/lib/i18n/translate';
import { requestLog } from '@/lib/log';

/**
 * One document slot of an application: GET downloads the file, PUT uploads (or replaces)
 * it with the raw bytes as the body and the name in X-File-Name, DELETE removes it. Every
 * method authenticates and authorises itself through the data functions.
 */

type Params = { params: Promise<{ id: string; slotId: string }> };

const statusOf: Partial<Record<ErrorKey, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  fileTooLarge: 413,
  fileTypeNotAccepted: 415,
  fileEmpty: 400,
  callClosed: 409,
  notDraft: 409,
};

async function failure(key: ErrorKey, values?: Record<string, string | number | Date>) {
  const t = await requestTranslator('errors');
  return Response.json({ ok: false, error: t(key, values) }, { status: statusOf[key] ?? 400, headers: { 'Cache-Control': 'no-store' } });
}

async function failed(error: unknown) {
  if (error instanceof AppError) return failure(error.key, error.values);
  (await requestLog()).error({ err: error }, 'files: unexpected failure');
  return failure('unexpected');
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

export async function GET(_request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return failure('unauthenticated');
  const file = await getApplicationFileForDownload(user, { applicationId: id, slotId });
  if (!file) return failure('notFound');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${file.sha256}"`,
    },
  });
}

export async function PUT(request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return failure('unauthenticated');
  if (crossSite(request)) return failure('forbidden');
  const target = { applicationId: id, slotId };
  try {
    const { maxSizeBytes } = await prepareUpload(user, target);
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxSizeBytes) return failure('fileTooLarge');
    const body = await readBodyLimited(request.body, maxSizeBytes);
    if (!body.ok) return failure('fileTooLarge');
    let fileName = 'document';
    try {
      fileName = decodeURIComponent(request.headers.get('x-file-name') ?? 'document');
    } catch {
      // A malformed name: keep the default.
    }
    const stored = await storeApplicationFile(user, { ...target, fileName, bytes: body.bytes });
    return Response.json({ ok: true, file: stored }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return failed(error);
  }
}

export async function DELETE(request: Request, { params }: Params) {
  const { id, slotId } = await params;
  const user = await getOptionalUser();
  if (!user) return failure('unauthenticated');
  if (crossSite(request)) return failure('forbidden');
  try {
    await removeApplicationFile(user, { applicationId: id, slotId });
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return failed(error);
  }
}
