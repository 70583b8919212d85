import { describe, expect, it } from 'vitest';
import { pageNumber } from '@/lib/data/paging';
import { clientAddressFrom, CLIENT_ADDRESS_HEADER, normaliseAddress, trustedProxyCount } from './client-address';
import { contentSecurityPolicy } from './headers';
import { cleanInput, cleanText } from './text';

describe('text from users', () => {
  it('removes NUL and other control characters but keeps tabs, line breaks and right-to-left marks', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
    expect(cleanText('line 1\r\nline 2\ttab')).toBe('line 1\r\nline 2\ttab');
    expect(cleanText('مرحبا\u200F 2026')).toBe('مرحبا\u200F 2026');
    expect(cleanText('lone \uD800 surrogate \uDC00')).toBe('lone \uFFFD surrogate \uFFFD');
    expect(cleanText('emoji 🦊 kept')).toBe('emoji 🦊 kept');
  });

  it('cleans every string of an action input, keys included, and leaves other values alone', () => {
    const input = { title: 'x\u0000y', list: ['\u0000', { deep: 'a\u0001' }], n: 3, ok: true, none: null, ['k\u0000']: 1 };
    expect(cleanInput(input)).toEqual({ title: 'xy', list: ['', { deep: 'a' }], n: 3, ok: true, none: null, k: 1 });
  });

  it('turns any page parameter into a page number', () => {
    expect(['1e400', '-3', '2.7', 'abc', '', '0', 'Infinity', '99999999999', '4'].map(pageNumber)).toEqual([100000, 1, 2, 1, 1, 1, 100000, 100000, 4]);
  });
});

describe('the client address', () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it('without a trusted proxy, is the connection, whatever X-Forwarded-For says', () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: '::ffff:203.0.113.7', 'x-forwarded-for': '198.51.100.1' });
    expect(clientAddressFrom(h, 0)).toBe('203.0.113.7');
  });

  it('behind N proxies, is the N-th address from the right of X-Forwarded-For (what the client wrote on the left is ignored)', () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 203.0.113.7, 192.0.2.10' });
    expect(clientAddressFrom(h, 1)).toBe('192.0.2.10');
    expect(clientAddressFrom(h, 2)).toBe('203.0.113.7');
  });

  it('counts IPv6 clients by their /64 and refuses a TRUSTED_PROXY that is not a count', () => {
    expect(normaliseAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('[2001:db8:1:2:bbbb::9]:443')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('203.0.113.7:5123')).toBe('203.0.113.7');
    expect(normaliseAddress('not an address')).toBe('unknown');
    expect(trustedProxyCount('true')).toBe(1);
    expect(() => trustedProxyCount('yes')).toThrow(/TRUSTED_PROXY/);
  });
});

describe('the Content-Security-Policy', () => {
  it('has the required directives and names no remote origin', () => {
    const csp = contentSecurityPolicy(false);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "style-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
