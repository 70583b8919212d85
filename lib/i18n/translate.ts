import { createTranslator } from 'next-intl';
import type { Locale } from './config';
import { requestLocale } from './locale';
import { messagesFor, type Messages } from './messages';

export type Namespace = keyof Messages;

/**
 * A translator for a given language, usable anywhere (actions, mail, tests), unlike
 * next-intl's request-bound getTranslations.
 */
export function translator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

export async function requestTranslator<N extends Namespace>(namespace: N) {
  return translator(await requestLocale(), namespace);
}

/** Loose form for keys built at run time (error codes, validation issues). */
export type LooseTranslate = (key: string, values?: Record<string, string | number | Date>) => string;
export function loose(t: unknown): LooseTranslate {
  return t as LooseTranslate;
}
