import { AppError } from '@/lib/errors';

/**
 * New passwords, per OWASP ASVS 5.0 (V6.2): at least 10 characters (the schema checks
 * length, lib/validations/auth.ts), any characters, no composition rules, and refused when
 * they are on a list of common or breached passwords or easy to guess from one: the
 * 49,000 passwords of zxcvbn-ts's common list (collected from breaches), keyboard
 * patterns, repeats, sequences, dates, and the user's own name and e-mail address or the
 * site's name. Checked on the server only (the list is 2 MB: it never ships to browsers);
 * the form shows the reason next to the field.
 */
export type PasswordProblem = 'passwordBreached' | 'passwordPersonal' | 'passwordPattern' | 'passwordCommonVariant';

type Checker = { check(password: string, userInputs?: string[]): { score: number; sequence: { pattern: string; dictionaryName?: string }[] } };

let loaded: Promise<{ zxcvbn: Checker; common: Set<string> }> | undefined;

function load() {
  loaded ??= (async () => {
    const [{ ZxcvbnFactory }, language] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    const list = (language.dictionary as Record<string, string[]>)['passwords-common'];
    return {
      zxcvbn: new ZxcvbnFactory({ dictionary: language.dictionary, graphs: language.adjacencyGraphs }) as unknown as Checker,
      common: new Set(list.map((p) => p.toLowerCase())),
    };
  })();
  return loaded;
}

/** Words a guesser would try first for this person on this site. */
function contextWords(person: { email?: string | null; name?: string | null }): string[] {
  const words = new Set(['eoi', 'eoiportal', 'eoi portal', 'portal', 'iom']);
  if (person.email) {
    const [local, domain = ''] = person.email.toLowerCase().split('@');
    words.add(person.email.toLowerCase());
    words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
    const host = domain.split('.')[0];
    if (host && host.length >= 3) words.add(host);
  }
  for (const part of (person.name ?? '').toLowerCase().split(/\s+/)) if (part.length >= 3) words.add(part);
  return [...words];
}

/** Why a new password is refused, or null when it is acceptable. */
export async function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}): Promise<PasswordProblem | null> {
  const { zxcvbn, common } = await load();
  if (common.has(password.toLowerCase()) || common.has(password.trim().toLowerCase())) return 'passwordBreached';
  const result = zxcvbn.check(password, contextWords(person));
  if (result.score >= 2) return null;
  const patterns = result.sequence;
  if (patterns.some((m) => m.dictionaryName === 'userInputs')) return 'passwordPersonal';
  if (patterns.some((m) => m.dictionaryName === 'passwords-common')) return 'passwordCommonVariant';
  return 'passwordPattern';
}

/** Throws a field error on `password` (the form shows it) when the password is refused. */
export async function assertPasswordAcceptable(password: string, person: { email?: string | null; name?: string | null } = {}, field = 'password') {
  const problem = await passwordProblem(password, person);
  if (problem) throw new AppError('passwordRefused', {}, { [field]: [problem] });
}
