import { directionOf } from '@/lib/i18n/config';

/**
 * lang and dir for a text written in `textLocale` on a page in `pageLocale`: nothing when
 * they are the same, else what screen readers and the browser need to read it right
 * (an Arabic answer on a French page runs right to left).
 */
export function langAttrs(textLocale: string, pageLocale: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return textLocale === pageLocale ? {} : { lang: textLocale, dir: directionOf(textLocale) };
}
