import 'server-only';
import { AppError, type ErrorKey } from '@/lib/errors';
import { attachmentDisposition } from '@/lib/files/detect';
import { readBodyLimited } from '@/lib/files/stream';
import { requestTranslator } from '@/lib/i18n/translate';
import { requestLog } from '@/lib/log';

/**
 * What the file routes (application documents, report files, the sanctions list) share:
 * the same-site check on uploads, reading a body within a limit, errors as JSON in the
 * request's language with a status of their own, and downloads that are never cached or
 * sniffed.
 */

/** HTTP statuses of the errors a file route answers; any other is 400. */
const statusOf: Partial<Record<ErrorKey, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  fileTooLarge: 413,
  fileTypeNotAccepted: 415,
  fileEmpty: 400,
  callClosed: 409,
  notDraft: 409,
  reportNotEditable: 409,
  reportSaveFirst: 409,
  reportTooManyFiles: 409,
  libraryFull: 409,
  sanctionsListInvalid: 422,
};

export async function fileFailure(key: ErrorKey, values?: Record<string, string | number | Date>) {
  const t = await requestTranslator('errors');
  return Response.json({ ok: false, error: t(key, values) }, { status: statusOf[key] ?? 400, headers: { 'Cache-Control': 'no-store' } });
}

/** An AppError as its message; anything else logged and answered as "unexpected". */
export async function fileRouteFailed(error: unknown, what: string) {
  if (error instanceof AppError) return fileFailure(error.key, error.values);
  (await requestLog()).error({ err: error }, `${what}: unexpected failure`);
  return fileFailure('unexpected');
}

/** Uploads come from our own pages only. */
export function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The body of an upload, refused as soon as it exceeds `maxBytes` (declared or streamed), and its name from X-File-Name. */
export async function readUpload(request: Request, maxBytes: number, defaultName: string) {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false as const };
  const body = await readBodyLimited(request.body, maxBytes);
  if (!body.ok) return { ok: false as const };
  let fileName = defaultName;
  try {
    fileName = decodeURIComponent(request.headers.get('x-file-name') ?? defaultName);
  } catch {
    // A malformed name: keep the default.
  }
  return { ok: true as const, bytes: body.bytes, fileName };
}

/** A stored file as a download: private, never cached, never sniffed. */
export function fileDownload(file: { content: Buffer; contentType: string; fileName: string; sha256?: string }) {
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.length),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(file.sha256 ? { ETag: `"${file.sha256}"` } : {}),
    },
  });
}
