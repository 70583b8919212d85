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

/** What useTranslations, getTranslations and translator() give for a namespace. */
export type Translator<N extends Namespace> = ReturnType<typeof translator<N>>;
