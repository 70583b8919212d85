/** What `themeLabel` needs of next-intl's translator for the `themes` namespace (server or client). */
type ThemeTranslator = { (key: never): string; has(key: never): boolean };

/** A theme's name in the reader's language; a code the catalogue does not know shows as itself. */
export function themeLabel(tt: ThemeTranslator, code: string): string {
  // Theme codes come from the database: the catalogue is asked whether it knows this one.
  return tt.has(code as never) ? tt(code as never) : code;
}
