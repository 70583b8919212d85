import { createTranslator } from 'next-intl';
import type { Locale } from './config';
import { requestLocale } from './locale';
import { messagesFor, type Messages } from './messages';

export type Namespace = keyof Messages;

function createFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

/**
 * One per language and namespace, kept: a translator compiles each message the first time
 * it formats it and keeps the result, so a new one per call (a mail, an action's error)
 * parsed every message again (about 1 ms for a receipt).
 */
const made = new Map<string, unknown>();

/**
 * A translator for a given language, usable anywhere (actions, mail, tests), unlike
 * next-intl's request-bound getTranslations.
 */
export function translator<N extends Namespace>(locale: Locale, namespace: N): ReturnType<typeof createFor<N>> {
  const key = `${locale}:${namespace}`;
  let t = made.get(key) as ReturnType<typeof createFor<N>> | undefined;
  if (!t) made.set(key, (t = createFor(locale, namespace)));
  return t;
}

export async function requestTranslator<N extends Namespace>(namespace: N) {
  return translator(await requestLocale(), namespace);
}

/** What useTranslations, getTranslations and translator() give for a namespace. */
export type Translator<N extends Namespace> = ReturnType<typeof translator<N>>;
