import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countryCodes, countryName } from '@/lib/reference/countries';

/**
 * Reads the UN Security Council Consolidated List as the UN publishes it in XML:
 *
 *   <CONSOLIDATED_LIST dateGenerated="...">
 *     <INDIVIDUALS><INDIVIDUAL> DATAID, FIRST_NAME..FOURTH_NAME, NAME_ORIGINAL_SCRIPT,
 *       REFERENCE_NUMBER, LISTED_ON, NATIONALITY/VALUE, INDIVIDUAL_ALIAS (QUALITY, ALIAS_NAME),
 *       INDIVIDUAL_DATE_OF_BIRTH (DATE | YEAR) ...
 *     <ENTITIES><ENTITY> DATAID, FIRST_NAME, REFERENCE_NUMBER, LISTED_ON, ENTITY_ALIAS ...
 *
 * Pure: no database. fast-xml-parser is a maintained, dependency-light pure-JS parser that
 * neither fetches external entities nor expands DTDs, which is what an uploaded file needs.
 */

export type ParsedName = { name: string; kind: 'primary' | 'alias' | 'original_script'; quality?: string };
export type ParsedEntry = {
  kind: 'individual' | 'entity';
  dataId: string;
  referenceNumber: string | null;
  primaryName: string;
  names: ParsedName[];
  listedOn: string | null;
  nationalities: string[];
  datesOfBirth: string[];
};
export type ParsedList = {
  generatedAt: Date | null;
  entries: ParsedEntry[];
  counts: { individuals: number; entities: number; aliases: number };
};

export class ListFormatError extends Error {}

type Node = Record<string, unknown>;
const arrays = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'VALUE',
  'NATIONALITY',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => arrays.has(name),
});

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return text((value as Node)['#text']);
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s === '' || s.toLowerCase() === 'na' ? null : s;
}

function list<T = Node>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** The list's nationalities are English country names; ISO codes let them meet a profile's. */
let byName: Map<string, string> | null = null;
function nationalityCode(name: string): string {
  byName ??= new Map(countryCodes.map((code) => [countryName(code, 'en').toLowerCase(), code]));
  return byName.get(name.toLowerCase()) ?? name;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const m = value.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1] : null;
}

function aliases(nodes: unknown): ParsedName[] {
  return list(nodes)
    .map((a) => ({ name: text(a.ALIAS_NAME), quality: text(a.QUALITY) ?? undefined }))
    .filter((a): a is { name: string; quality: string | undefined } => !!a.name)
    .map((a) => ({ name: a.name, kind: 'alias' as const, ...(a.quality && { quality: a.quality }) }));
}

function dedupe(names: ParsedName[]): ParsedName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function parseConsolidatedList(xml: string | Buffer): ParsedList {
  const source = typeof xml === 'string' ? xml : xml.toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new ListFormatError('a document type declaration is not accepted');
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ListFormatError(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = parser.parse(source) as Node;
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root || typeof root !== 'object') throw new ListFormatError('no CONSOLIDATED_LIST element');

  const entries: ParsedEntry[] = [];
  let aliasCount = 0;
  for (const ind of list((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL)) {
    const dataId = text(ind.DATAID);
    const primaryName = [ind.FIRST_NAME, ind.SECOND_NAME, ind.THIRD_NAME, ind.FOURTH_NAME].map(text).filter(Boolean).join(' ');
    if (!dataId || !primaryName) continue;
    const original = text(ind.NAME_ORIGINAL_SCRIPT);
    const aka = aliases(ind.INDIVIDUAL_ALIAS);
    aliasCount += aka.length;
    entries.push({
      kind: 'individual',
      dataId,
      referenceNumber: text(ind.REFERENCE_NUMBER),
      primaryName,
      names: dedupe([{ name: primaryName, kind: 'primary' }, ...(original ? [{ name: original, kind: 'original_script' as const }] : []), ...aka]),
      listedOn: isoDate(text(ind.LISTED_ON)),
      nationalities: list(ind.NATIONALITY)
        .flatMap((n) => list(n.VALUE))
        .map(text)
        .filter((v): v is string => !!v)
        .map(nationalityCode),
      datesOfBirth: list(ind.INDIVIDUAL_DATE_OF_BIRTH)
        .map((d) => isoDate(text(d.DATE)) ?? text(d.YEAR))
        .filter((v): v is string => !!v),
    });
  }
  for (const ent of list((root.ENTITIES as Node | undefined)?.ENTITY)) {
    const dataId = text(ent.DATAID);
    const primaryName = text(ent.FIRST_NAME);
    if (!dataId || !primaryName) continue;
    const original = text(ent.NAME_ORIGINAL_SCRIPT);
    const aka = aliases(ent.ENTITY_ALIAS);
    aliasCount += aka.length;
    entries.push({
      kind: 'entity',
      dataId,
      referenceNumber: text(ent.REFERENCE_NUMBER),
      primaryName,
      names: dedupe([{ name: primaryName, kind: 'primary' }, ...(original ? [{ name: original, kind: 'original_script' as const }] : []), ...aka]),
      listedOn: isoDate(text(ent.LISTED_ON)),
      nationalities: [],
      datesOfBirth: [],
    });
  }
  const generated = text(root['@dateGenerated']);
  const generatedAt = generated && !Number.isNaN(Date.parse(generated)) ? new Date(generated) : null;
  const individuals = entries.filter((e) => e.kind === 'individual').length;
  return { generatedAt, entries, counts: { individuals, entities: entries.length - individuals, aliases: aliasCount } };
}
