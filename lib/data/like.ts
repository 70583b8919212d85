/** LIKE patterns for what a user typed: `%`, `_` and `\` match themselves, never as wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

export function startsWithPattern(value: string): string {
  return `${escapeLike(value)}%`;
}
