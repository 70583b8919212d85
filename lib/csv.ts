/**
 * CSV that spreadsheets open correctly: UTF-8 with a byte-order mark (so Excel reads
 * Arabic and accents right), CRLF line ends, every field quoted when it holds a comma,
 * semicolon (the delimiter spreadsheets use in locales with a decimal comma), quote or line
 * break (RFC 4180). Text that a spreadsheet would run as a formula
 * (=, +, -, @ at the start) is prefixed with an apostrophe; numbers are written as numbers.
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

export const BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
