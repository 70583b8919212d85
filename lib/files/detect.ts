import { fileTypeFromBuffer } from 'file-type';
import { fileKindInfo, type FileKind } from './types';
import { BIDI_CONTROLS, cleanText } from '@/lib/security/text';

/** Server side: recognises uploads by their bytes (the `file-type` library), and names them safely. */

/** The kinds we accept, by the media type `file-type` finds (an animated PNG is a PNG). */
const kindByMime = new Map<string, FileKind>([
  ...Object.entries(fileKindInfo).map(([kind, { mime }]) => [mime, kind as FileKind] as const),
  ['image/apng', 'png'],
]);

/**
 * The kind of file these bytes are, or null when it is none we accept. A zip is a DOCX or
 * an XLSX only when its [Content_Types].xml declares that main part.
 */
export async function detectFileKind(bytes: Uint8Array): Promise<FileKind | null> {
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  return (found && kindByMime.get(found.mime)) ?? null;
}

/**
 * A file name safe to store and show: no folders, no control, bidirectional-control or
 * reserved characters (a right-to-left override could show `cod.exe` as `exe.doc`), not
 * empty, at most 150 characters, ending with the extension of the kind it really is.
 */
export function sanitiseFileName(raw: string, kind: FileKind): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = cleanText(base)
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extension = fileKindInfo[kind].extension;
  const stem = name.replace(/\.[^.]*$/, '') || 'document';
  name = `${stem.slice(0, 140)}.${extension}`;
  return name;
}

/** A Content-Disposition header for an attachment: an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
