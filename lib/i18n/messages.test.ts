import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compareCatalogs, flatten, signature } from './catalog-check';
import { locales } from './config';
import { messagesFor } from './messages';

const en = messagesFor('en');

describe('message catalogues', () => {
  it.each(locales.filter((l) => l !== 'en'))(
    '%s has every English key, no other, and the same arguments, tags and select options',
    (locale) => {
      expect(compareCatalogs(locale, en, messagesFor(locale))).toEqual([]);
    },
  );

  it.each([...locales])('every %s message formats with sample values', (locale) => {
    const failures: string[] = [];
    for (const [key, message] of flatten(messagesFor(locale))) {
      const { args, tags } = signature(message);
      const values: Record<string, unknown> = {};
      for (const [name, kind] of args) {
        values[name] = kind === 'plural' || kind === 'number' ? 3 : kind === 'date' || kind === 'time' ? new Date(0) : 'x';
      }
      for (const tag of tags) values[tag] = (chunks: unknown) => chunks;
      try {
        const out = new IntlMessageFormat(message, locale).format(values);
        if (out === undefined || out === '') failures.push(`${key}: empty`);
      } catch (error) {
        failures.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('Arabic plurals give each count its own grammatical form', () => {
    const t = (n: number) => new IntlMessageFormat(messagesFor('ar').common.daysLeft, 'ar').format({ days: n });
    expect([0, 1, 2, 5, 11, 100].map(t)).toEqual([
      'تُغلق اليوم',
      'يتبقى يوم واحد',
      'يتبقى يومان',
      'تتبقى 5 أيام',
      'يتبقى 11 يومًا',
      'يتبقى 100 يوم',
    ]);
  });
});

describe('the catalogue check', () => {
  const english = { a: { greeting: 'Hello {name}', count: '{n, plural, one {# day} other {# days}}', rich: 'Closes <date></date>', pick: '{x, select, a {A} other {B}}' } };
  const good = {
    a: {
      greeting: 'مرحبًا {name}',
      count: '{n, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}',
      rich: 'تُغلق في <date></date>',
      pick: '{x, select, a {أ} other {ب}}',
    },
  };

  it('passes a faithful translation', () => {
    expect(compareCatalogs('ar', english, good)).toEqual([]);
  });

  it('catches a missing key, an extra key, a renamed argument, a lost tag, a changed select and a missing plural form', () => {
    const bad = {
      a: {
        greeting: 'مرحبًا {nom}',
        count: '{n, plural, one {يوم واحد} other {# يوم}}',
        rich: 'تُغلق قريبًا',
        extra: 'زائد',
      },
    };
    const problems = compareCatalogs('ar', english, bad).join('\n');
    expect(problems).toContain('missing a.pick');
    expect(problems).toContain('extra a.extra');
    expect(problems).toContain('a.greeting has arguments {nom:argument}');
    expect(problems).toContain('a.rich has tags <>');
    expect(problems).toContain('a.count plural {n} lacks zero, two, few, many');
    expect(compareCatalogs('ar', english, { a: { ...good.a, pick: '{x, select, b {أ} other {ب}}' } })[0]).toContain('select {x}');
  });

  it('refuses a straight apostrophe in French, which ICU reads as a quote', () => {
    const fr = { a: { greeting: "Bonjour l'{name}", count: '{n, plural, one {# jour} other {# jours}}', rich: 'Clôture <date></date>', pick: '{x, select, a {A} other {B}}' } };
    expect(compareCatalogs('fr', english, fr).join('\n')).toContain('straight apostrophe');
  });
});
