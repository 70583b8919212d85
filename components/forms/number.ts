/** For `register(..., { setValueAs })` on a number input: empty is null, anything else a number. */
export const toNumberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
