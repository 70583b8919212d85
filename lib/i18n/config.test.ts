import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import { directionOf } from './config';

describe('languages', () => {
  it('Arabic is written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });

  it('the catalog has no empty message', () => {
    const walk = (node: unknown, path: string): string[] =>
      typeof node === 'string'
        ? node.trim()
          ? []
          : [path]
        : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    expect(walk(en, 'en')).toEqual([]);
  });
});
