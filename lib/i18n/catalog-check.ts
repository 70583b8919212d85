import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Checks a translated catalogue against the English one: the same keys, and in every
 * message the same arguments (with the same formats), the same rich-text tags and the
 * same select options, plus plural branches for every category the language needs.
 * Pure, so the unit test and a quick command-line check share it.
 */

type Catalog = { [key: string]: string | Catalog };

export function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

type Signature = {
  args: Map<string, string>;
  tags: Set<string>;
  selects: Map<string, string>;
  plurals: { name: string; options: string[] }[];
};

const typeName: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

export function signature(message: string): Signature {
  const sig: Signature = { args: new Map(), tags: new Set(), selects: new Map(), plurals: [] };
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.tag) {
        sig.tags.add(el.value);
        visit(el.children);
        continue;
      }
      const kind = typeName[el.type];
      if (!kind || !('value' in el)) continue;
      // A plain argument and a formatted one may share a name (`{n}` in a branch of
      // `{n, plural}`): keep the richer format.
      if (kind !== 'argument' || !sig.args.has(el.value)) sig.args.set(el.value, kind);
      if (el.type === TYPE.select) {
        sig.selects.set(el.value, Object.keys(el.options).sort().join('|'));
        for (const option of Object.values(el.options)) visit(option.value);
      }
      if (el.type === TYPE.plural) {
        sig.plurals.push({ name: el.value, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) visit(option.value);
      }
    }
  };
  visit(parse(message));
  return sig;
}

/** Plural categories a language may leave to `other` (French `many` is for millions). */
const optionalCategories: Record<string, string[]> = { fr: ['many'] };
const exactFor: Record<string, string> = { zero: '=0', one: '=1', two: '=2' };

export function missingPluralCategories(locale: string, options: string[]): string[] {
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const needed = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  return needed.filter(
    (category) =>
      !options.includes(category) &&
      !(exactFor[category] && options.includes(exactFor[category])) &&
      !(optionalCategories[locale] ?? []).includes(category),
  );
}

function same<T>(a: Set<T>, b: Set<T>) {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export function compareCatalogs(locale: string, en: Catalog, other: Catalog): string[] {
  const problems: string[] = [];
  const reference = flatten(en);
  const translated = flatten(other);
  for (const key of reference.keys()) if (!translated.has(key)) problems.push(`${locale}: missing ${key}`);
  for (const key of translated.keys()) if (!reference.has(key)) problems.push(`${locale}: extra ${key}`);
  for (const [key, english] of reference) {
    const message = translated.get(key);
    if (message === undefined) continue;
    if (!message.trim()) {
      problems.push(`${locale}: ${key} is empty`);
      continue;
    }
    let mine: Signature;
    try {
      mine = signature(message);
    } catch (error) {
      problems.push(`${locale}: ${key} does not parse (${(error as Error).message})`);
      continue;
    }
    const theirs = signature(english);
    const args = (s: Signature) => [...s.args].map(([name, kind]) => `${name}:${kind}`).sort().join(', ');
    if (args(mine) !== args(theirs)) problems.push(`${locale}: ${key} has arguments {${args(mine)}}, English has {${args(theirs)}}`);
    if (!same(mine.tags, theirs.tags)) problems.push(`${locale}: ${key} has tags <${[...mine.tags]}>, English has <${[...theirs.tags]}>`);
    for (const [name, options] of theirs.selects) {
      if (mine.selects.get(name) !== options) problems.push(`${locale}: ${key} select {${name}} has options ${mine.selects.get(name)}, English has ${options}`);
    }
    for (const plural of mine.plurals) {
      const missing = missingPluralCategories(locale, plural.options);
      if (missing.length) problems.push(`${locale}: ${key} plural {${plural.name}} lacks ${missing.join(', ')}`);
    }
    // A straight apostrophe is ICU's quote character: before a brace it swallows the
    // argument. French typography uses ’ anyway.
    if (locale === 'fr' && message.includes("'")) problems.push(`${locale}: ${key} has a straight apostrophe; write ’`);
  }
  return problems;
}
