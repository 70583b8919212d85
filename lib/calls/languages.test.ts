import { describe, expect, it } from 'vitest';
import { callLanguages, callTitleIn, cleanTranslations, inLanguage, shownLanguage } from './languages';

const call = {
  locale: 'en',
  title: 'Climate resilience 2027',
  translations: { fr: { title: 'Résilience climatique 2027', summary: '' }, ar: { title: '  ' } },
};

describe('call languages', () => {
  it('a language is one of the call’s when its title is written', () => {
    expect(callLanguages(call)).toEqual(['en', 'fr']);
    expect(callLanguages({ locale: 'ar', translations: { en: { title: 'Hello' } } })).toEqual(['ar', 'en']);
  });

  it('a reader sees their language when the call has it, else the main one, and is told', () => {
    expect(shownLanguage(call, 'fr')).toEqual({ locale: 'fr', fallback: false });
    expect(shownLanguage(call, 'ar')).toEqual({ locale: 'en', fallback: true });
  });

  it('a blank translated field falls back to the main language', () => {
    const row = { title: call.title, summary: 'In English' };
    expect(inLanguage(row, call.translations, 'fr', 'en')).toEqual({ title: 'Résilience climatique 2027', summary: 'In English' });
    expect(inLanguage(row, call.translations, 'en', 'en')).toBe(row);
    expect(callTitleIn(call, 'ar')).toBe('Climate resilience 2027');
    expect(callTitleIn(call, 'fr')).toBe('Résilience climatique 2027');
    expect(callTitleIn(call, null)).toBe('Climate resilience 2027');
  });

  it('stored translations hold other languages only, trimmed, without blanks', () => {
    expect(cleanTranslations<{ name: string; guidance: string }>({ en: { name: 'x' }, fr: { name: ' Pertinence ', guidance: ' ' }, ar: { name: '' } }, 'en')).toEqual({ fr: { name: 'Pertinence' } });
    expect(cleanTranslations<{ name: string }>({ fr: { name: 'a' }, ar: { name: 'b' } }, 'en', ['en', 'ar'])).toEqual({ ar: { name: 'b' } });
  });
});
