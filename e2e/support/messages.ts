import fs from 'node:fs';
import path from 'node:path';
import ar from '../../lib/i18n/messages/ar.json';
import en from '../../lib/i18n/messages/en.json';
import fr from '../../lib/i18n/messages/fr.json';

/**
 * The app's own words, so a test written against French or Arabic pages names the labels
 * and buttons the way a reader of that language sees them (simple {placeholders} only).
 */
const catalogs = { en, fr, ar } as const;
export type Language = keyof typeof catalogs;

export function words(locale: Language) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    const message = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs[locale]);
    if (typeof message !== 'string') throw new Error(`no message ${locale}:${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}

/** Where the journeys' screenshots go (attached to the report). */
export const screensDir = process.env.SCREENS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'screens');
fs.mkdirSync(screensDir, { recursive: true });
export const screen = (name: string) => path.join(screensDir, `${name}.png`);
