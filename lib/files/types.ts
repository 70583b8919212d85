/**
 * The kinds of file a document slot may accept, recognised by their content (magic
 * bytes), never by the name or the type the browser claims.
 */
import { fileKinds, type FileKind } from '@/lib/reference/file-kinds';

export { fileKinds, type FileKind };

export const fileKindInfo: Record<FileKind, { mime: string; extension: string }> = {
  pdf: { mime: 'application/pdf', extension: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  png: { mime: 'image/png', extension: 'png' },
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
};

export function isFileKind(value: string): value is FileKind {
  return (fileKinds as readonly string[]).includes(value);
}

/** What an <input type="file" accept> should offer for these kinds. */
export function acceptAttribute(kinds: readonly string[]): string {
  return kinds
    .filter(isFileKind)
    .flatMap((k) => [`.${fileKindInfo[k].extension}`, ...(k === 'jpeg' ? ['.jpeg'] : []), fileKindInfo[k].mime])
    .join(',');
}
