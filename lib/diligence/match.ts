import { distance } from 'fastest-levenshtein';

/**
 * Name matching for sanctions screening: pure functions, no database.
 *
 * A name is normalised (Arabic script transliterated to Latin with a simple table; case,
 * diacritics and punctuation removed; the article al-/el- dropped; "Abd al-X" joined; common
 * Latin spelling variants folded: ou/oo -> u, ee/ie -> i, ph -> f, dj -> j, doubled letters)
 * into tokens. Two names are compared token against token, whatever their order, with the
 * Levenshtein distance (fastest-levenshtein) on the tokens and on their consonant skeleton;
 * a name in Arabic script has no short vowels, so against it only the skeleton counts.
 */

const ARABIC_TO_LATIN: Record<string, string> = {
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': '', 'ئ': '', 'ؤ': '',
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh',
  'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z',
  'ع': 'a', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'ه': 'h', 'ة': 'a', 'و': 'w', 'ي': 'y', 'ى': 'a', 'پ': 'p', 'چ': 'ch', 'ژ': 'zh',
  'گ': 'g', 'ک': 'k', 'ی': 'y',
};
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F]/;
/** Harakat (short vowels), tatweel and other marks of the Arabic script: dropped. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;

/** Words that carry no identity: legal forms, articles, "son of". */
const STOPWORDS = new Set([
  'al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'the', 'of', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'les', 'et', 'pour',
  'ltd', 'limited', 'llc', 'inc', 'co', 'sa', 'sarl', 'ev', 'gmbh', 'asbl', 'cic',
]);

export function isArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

export function transliterateArabic(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(/[\u0600-\u06FF\u0750-\u077F]/g, (ch) => ARABIC_TO_LATIN[ch] ?? '');
}

function foldLatin(token: string): string {
  return token
    .replace(/ou/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/ph/g, 'f')
    .replace(/ch/g, 'sh')
    .replace(/^dj/, 'j')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/(.)\1+/g, '$1');
}

/** The consonant skeleton: what a name written without short vowels keeps. */
export function skeleton(token: string): string {
  return token
    .replace(/[aeiouwy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

export type NormalisedName = { tokens: string[]; arabic: boolean; key: string };

/** A name's tokens, normalised, in alphabetical order (so word order does not count). */
export function normaliseName(name: string): NormalisedName {
  const arabic = isArabicScript(name);
  const latin = (arabic ? transliterateArabic(name) : name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  let tokens = latin.split(' ').filter(Boolean);
  // The Arabic article is written joined to its noun: "المنصوري" -> "almnswry".
  if (arabic) tokens = tokens.map((t) => (t.length > 4 && t.startsWith('al') ? t.slice(2) : t));
  tokens = tokens.filter((t) => !STOPWORDS.has(t));
  // "Abd al-Rahman", "Abdul Rahman", "Abdelrahman", "Abdullah": one token, one spelling.
  const joined: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^abd(ul|el|al|u|e|a)?$/.test(t) && i + 1 < tokens.length) {
      joined.push(`abd${tokens[++i]}`);
    } else joined.push(t);
  }
  tokens = joined.map((t) => t.replace(/^abd(ul|el|al|u|e)(?=[a-z]{3})/, 'abd')).map(foldLatin).filter(Boolean);
  tokens.sort();
  return { tokens, arabic, key: tokens.join(' ') };
}

function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const longest = Math.max(a.length, b.length);
  return 1 - distance(a, b) / longest;
}

function tokenSimilarity(a: string, b: string, skeletonOnly: boolean): number {
  const sa = skeleton(a);
  const sb = skeleton(b);
  // Two tokens that are all vowels (a rare "Ai") have no skeleton: compare them as they are.
  const bySkeleton = sa.length || sb.length ? similarity(sa, sb) : similarity(a, b);
  if (skeletonOnly) return bySkeleton;
  return 0.5 * similarity(a, b) + 0.5 * bySkeleton;
}

/**
 * How alike two normalised names are, 0..1. Each token of the shorter name is paired with
 * its best unused token of the longer (word order does not count); the mean similarity of
 * the pairs is lowered a little when the longer name has more tokens (a listed person's
 * full name often has names a director's does not), and much when only one token is
 * there to compare against several.
 */
export function nameSimilarity(a: NormalisedName, b: NormalisedName): number {
  if (!a.tokens.length || !b.tokens.length) return 0;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  const skeletonOnly = a.arabic !== b.arabic;
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < short.length; i++) {
    for (let j = 0; j < long.length; j++) pairs.push({ i, j, s: tokenSimilarity(short[i], long[j], skeletonOnly) });
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  let total = 0;
  for (const p of pairs) {
    if (usedI.has(p.i) || usedJ.has(p.j)) continue;
    usedI.add(p.i);
    usedJ.add(p.j);
    total += p.s;
  }
  const mean = total / short.length;
  const coverage = short.length / long.length;
  const lonely = short.length === 1 && long.length > 1 ? 0.7 : 1;
  return mean * (0.85 + 0.15 * coverage) * lonely;
}

/**
 * The starts of a name's token skeletons (two consonants): two names alike enough to match
 * have a token in common whose skeletons start the same, so a name sharing none is skipped
 * before the costlier comparison (screening runs over the whole list).
 */
const startsOf = new WeakMap<NormalisedName, Set<string>>();
export function skeletonStarts(name: NormalisedName): Set<string> {
  let starts = startsOf.get(name);
  if (!starts) {
    starts = new Set(name.tokens.map((t) => skeleton(t).slice(0, 2) || t.slice(0, 2)));
    startsOf.set(name, starts);
  }
  return starts;
}

export function mayMatch(a: Set<string>, b: Set<string>): boolean {
  for (const start of a) if (b.has(start)) return true;
  return false;
}

export type Candidate = { name: string; nationality?: string | null; dateOfBirth?: string | null };
export type ListedNames = { names: string[]; nationalities?: string[]; datesOfBirth?: string[] };

/** The score a hit is stored at or above. */
export const MATCH_THRESHOLD = 0.85;

/**
 * The best score of a name against any of an entry's names, lowered when both sides give a
 * year of birth and they differ, or both give nationalities and none is shared.
 */
export function scoreAgainstEntry(candidate: Candidate, entry: ListedNames, prepared?: NormalisedName[]) {
  const subject = normaliseName(candidate.name);
  const starts = skeletonStarts(subject);
  const names = prepared ?? entry.names.map(normaliseName);
  let best = 0;
  let bestIndex = -1;
  names.forEach((n, i) => {
    if (!mayMatch(starts, skeletonStarts(n))) return;
    const s = nameSimilarity(subject, n);
    if (s > best) {
      best = s;
      bestIndex = i;
    }
  });
  let score = best;
  const year = candidate.dateOfBirth?.slice(0, 4);
  const years = (entry.datesOfBirth ?? []).map((d) => d.slice(0, 4)).filter(Boolean);
  if (year && years.length && !years.includes(year)) score *= 0.9;
  const nationals = entry.nationalities ?? [];
  if (candidate.nationality && nationals.length && !nationals.includes(candidate.nationality)) score *= 0.95;
  return { score: Math.round(score * 1000) / 1000, matchedName: bestIndex >= 0 ? entry.names[bestIndex] : null, key: subject.key };
}
