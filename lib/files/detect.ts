import zlib from 'node:zlib';
import { fileKindInfo, type FileKind } from './types';
import { BIDI_CONTROLS, cleanText } from '@/lib/security/text';

/** Server side: recognises uploads by their bytes, and names them safely. */

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

/** The entries of a zip file, from its central directory; null when it is not a readable zip. */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeaderOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, method, compressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's content (stored or deflated), at most `limit` bytes; null if unreadable. */
function zipEntryText(bytes: Buffer, entry: ZipEntry, limit = 256 * 1024): string | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.subarray(0, limit).toString('utf8');
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: limit }).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

const OOXML_MAIN: Record<'docx' | 'xlsx', { part: string; contentType: string }> = {
  docx: { part: 'word/', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
  xlsx: { part: 'xl/', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
};

/** A zip is a DOCX or an XLSX only if its [Content_Types].xml declares the matching main part. */
function ooxmlKind(bytes: Buffer): 'docx' | 'xlsx' | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (!types) return null;
  const xml = zipEntryText(bytes, types);
  if (!xml) return null;
  for (const kind of ['docx', 'xlsx'] as const) {
    const { part, contentType } = OOXML_MAIN[kind];
    if (xml.includes(contentType) && entries.some((e) => e.name.startsWith(part))) return kind;
  }
  return null;
}

/** The kind of file these bytes are, or null when it is none we accept. */
export function detectFileKind(bytes: Buffer): FileKind | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return ooxmlKind(bytes);
  return null;
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
