import type { createFormatter } from 'next-intl';

type Formatter = Pick<ReturnType<typeof createFormatter>, 'number'>;

/** Whole amounts in a currency, in the viewer's language. */
export function money(format: Formatter, amount: number, currency: string) {
  return format.number(amount, { style: 'currency', currency, maximumFractionDigits: 0 });
}

export function fileSize(format: Formatter, bytes: number) {
  if (bytes >= 1024 * 1024) return format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  // Under a kilobyte, in bytes: a small file is not "0 kB".
  if (bytes < 1024) return format.number(bytes, { style: 'unit', unit: 'byte' });
  return format.number(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
}
