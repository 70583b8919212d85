import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV', () => {
  it('quotes a cell holding the delimiter of any locale (comma or semicolon), a quote or a line break', () => {
    expect(csvField('Lebanon, Tunisia')).toBe('"Lebanon, Tunisia"');
    expect(csvField('LB;TN;ZW')).toBe('"LB;TN;ZW"');
    expect(csvField('say "hello"')).toBe('"say ""hello"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps formulas from running and writes numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1;2')).toBe(`"'+1;2"`);
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes a byte-order mark, a header and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['x;y', 2]])).toBe('\uFEFFa,b\r\n"x;y",2\r\n');
  });
});
