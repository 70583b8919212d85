import { isLocale, locales, type Locale } from '@/lib/i18n/config';

/**
 * A call is written in its main language (the plain columns: title, summary, criteria
 * names...) and may be published in others: each translatable row keeps, in a
 * `translations` column, its wording per other language. A language is one of the call's
 * when the call's title exists in it. Readers get the call in their language where it
 * exists, field by field, and otherwise in the main language, with a note.
 */

export type Translations<T> = Partial<Record<Locale, Partial<T>>>;

export type CallText = { title: string; summary: string; description: string };
export type CriterionText = { name: string; guidance: string };
export type RequirementText = { statement: string };
export type SlotText = { name: string; description: string };
export type AnswerText = { question: string; answer: string };

type Translated = { locale: string; translations: Translations<CallText> | null };

/** The languages a call is published in: its main language first, then the others in the app's order. */
export function callLanguages(call: Translated): Locale[] {
  const main = isLocale(call.locale) ? call.locale : 'en';
  const others = locales.filter((l) => l !== main && !!call.translations?.[l]?.title?.trim());
  return [main, ...others];
}

/** The language a reader of `locale` sees the call in: theirs when the call has it, else its main one. */
export function shownLanguage(call: Translated, locale: Locale): { locale: Locale; fallback: boolean } {
  const languages = callLanguages(call);
  return languages.includes(locale) ? { locale, fallback: false } : { locale: languages[0], fallback: true };
}

/**
 * The row's wording in `locale`: each translated field that is not blank replaces the
 * main-language one; the main language needs no translation.
 */
export function inLanguage<T extends object>(row: T, translations: Translations<Partial<Record<keyof T, string>>> | null | undefined, locale: Locale, mainLocale: string): T {
  if (locale === mainLocale) return row;
  const own = translations?.[locale];
  if (!own) return row;
  const out = { ...row };
  for (const [key, value] of Object.entries(own)) {
    if (typeof value === 'string' && value.trim() && key in row) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The call's title as a reader of `locale` sees it (mail, lists). */
export function callTitleIn(call: Translated & { title: string }, locale: string | null | undefined): string {
  const wanted = isLocale(locale) ? locale : null;
  if (!wanted) return call.title;
  return inLanguage({ title: call.title }, call.translations as Translations<{ title: string }>, shownLanguage(call, wanted).locale, call.locale).title;
}

/** Keeps only the languages other than the main one, and only fields with text. */
export function cleanTranslations<T extends Record<string, string>>(translations: Translations<T> | null | undefined, mainLocale: string, keep: readonly Locale[] = locales): Translations<T> {
  const out: Translations<T> = {};
  for (const locale of locales) {
    if (locale === mainLocale || !keep.includes(locale)) continue;
    const fields = translations?.[locale];
    if (!fields) continue;
    const trimmed = Object.fromEntries(
      Object.entries(fields).flatMap(([k, v]) => (typeof v === 'string' && v.trim() ? [[k, v.trim()]] : [])),
    ) as Partial<T>;
    if (Object.keys(trimmed).length) out[locale] = trimmed;
  }
  return out;
}

/** One text of a row as a reader sees it, with the language it is actually in (to mark it with lang). */
export function pickText<K extends string>(
  mainText: string,
  translations: Translations<Partial<Record<K, string>>> | null | undefined,
  key: K,
  shown: Locale,
  mainLocale: string,
): { text: string; locale: string } {
  if (shown !== mainLocale) {
    const text = translations?.[shown]?.[key];
    if (typeof text === 'string' && text.trim()) return { text, locale: shown };
  }
  return { text: mainText, locale: mainLocale };
}
