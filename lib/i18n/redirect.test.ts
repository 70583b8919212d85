import { describe, expect, it } from 'vitest';
import { redirectInLocale } from './redirect';

async function target(href: string, to?: string) {
  try {
    await redirectInLocale(href, to);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    return digest.split(';')[2];
  }
  throw new Error('no redirect');
}

describe('redirects in a language', () => {
  it('keep English unprefixed and prefix the others, once', async () => {
    expect(await target('/dashboard', 'en')).toBe('/dashboard');
    expect(await target('/dashboard', 'ar')).toBe('/ar/dashboard');
    expect(await target('/fr/dashboard?x=1', 'ar')).toBe('/ar/dashboard?x=1');
    expect(await target('/', 'fr')).toBe('/fr');
    expect(await target('/?joined=1', 'fr')).toBe('/fr?joined=1');
    expect(await target('/french-call', 'fr')).toBe('/fr/french-call');
    // Outside a request, with no language asked: English.
    expect(await target('/review')).toBe('/review');
  });
});
