import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { organisationPeople, organisations, sanctionsEntries, sanctionsLists, screeningHits, users, type SanctionsEntry } from '@/db/schema';
import { writeAudit, type AuditActor } from '@/lib/audit';
import { ListFormatError, parseConsolidatedList } from '@/lib/diligence/consolidated-list';
import { MATCH_THRESHOLD, normaliseName, scoreAgainstEntry, type NormalisedName } from '@/lib/diligence/match';
import { AppError } from '@/lib/errors';

/**
 * The list's import and the screening, with few dependencies so that the command line
 * (lib/cli/sanctions.ts) and the seed can use them; people reach them through
 * lib/data/diligence.ts, which checks the permission.
 */

/** The list screened against: the newest import, with who imported it. */
export async function currentSanctionsList(executor: Executor = db) {
  const [row] = await executor
    .select({ list: sanctionsLists, importedByEmail: users.email })
    .from(sanctionsLists)
    .leftJoin(users, eq(users.id, sanctionsLists.importedBy))
    .orderBy(desc(sanctionsLists.importedAt), desc(sanctionsLists.id))
    .limit(1);
  return row ?? null;
}

/**
 * Imports a copy of the list (it becomes the current one) and screens every organisation
 * against it. For the CLI and the seed, which act as nobody; people use importSanctionsList.
 */
export async function importSanctionsListAs(tx: Executor, actor: AuditActor, file: { fileName: string; content: Buffer }) {
  let parsed;
  try {
    parsed = parseConsolidatedList(file.content);
  } catch (error) {
    if (error instanceof ListFormatError) throw new AppError('sanctionsListInvalid', { detail: error.message });
    throw error;
  }
  if (!parsed.entries.length) throw new AppError('sanctionsListInvalid', { detail: 'no INDIVIDUAL or ENTITY' });
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const [list] = await tx
    .insert(sanctionsLists)
    .values({
      generatedAt: parsed.generatedAt,
      sourceFileName: file.fileName.slice(0, 255),
      sha256,
      individuals: parsed.counts.individuals,
      entities: parsed.counts.entities,
      aliases: parsed.counts.aliases,
      importedBy: actor.id,
    })
    .returning();
  // One row per DATAID: a list repeating one keeps its first.
  const seen = new Set<string>();
  const rows = parsed.entries.filter((e) => !seen.has(e.dataId) && seen.add(e.dataId)).map((e) => ({ listId: list.id, ...e }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(sanctionsEntries).values(rows.slice(i, i + 500));
  const screened = await screenOrganisations(tx, 'all');
  await writeAudit(tx, actor, {
    action: 'sanctions.list_imported',
    entityType: 'sanctions_list',
    entityId: list.id,
    after: { fileName: list.sourceFileName, sha256, generatedAt: parsed.generatedAt, ...parsed.counts, openHits: screened.open, newHits: screened.added },
  });
  return { list, counts: parsed.counts, openHits: screened.open, newHits: screened.added };
}

type PreparedEntry = Pick<SanctionsEntry, 'id' | 'dataId' | 'kind' | 'nationalities' | 'datesOfBirth'> & {
  names: string[];
  normalised: NormalisedName[];
};

async function preparedEntries(executor: Executor, listId: string): Promise<PreparedEntry[]> {
  const rows = await executor
    .select({
      id: sanctionsEntries.id,
      dataId: sanctionsEntries.dataId,
      kind: sanctionsEntries.kind,
      names: sanctionsEntries.names,
      nationalities: sanctionsEntries.nationalities,
      datesOfBirth: sanctionsEntries.datesOfBirth,
    })
    .from(sanctionsEntries)
    .where(eq(sanctionsEntries.listId, listId));
  return rows.map((r) => {
    const names = r.names.map((n) => n.name);
    return { ...r, names, normalised: names.map(normaliseName) };
  });
}

/**
 * Screens organisations (their legal name and acronym against the listed entities, their
 * people against the listed individuals) against the current list. A name scoring at or
 * above the threshold is a hit: new ones are open; one seen before keeps its decision (a
 * cleared hit stays cleared). An open hit no longer found (the person left, the entry was
 * delisted) goes away. Answers how many hits are open for these organisations.
 */
export async function screenOrganisations(tx: Executor, which: string[] | 'all') {
  const current = await currentSanctionsList(tx);
  if (!current || (which !== 'all' && !which.length)) return { open: 0, added: 0 };
  const entries = await preparedEntries(tx, current.list.id);
  const entities = entries.filter((e) => e.kind === 'entity');
  const individuals = entries.filter((e) => e.kind === 'individual');
  const orgs = await tx
    .select({ id: organisations.id, legalName: organisations.legalName, acronym: organisations.acronym })
    .from(organisations)
    .where(which === 'all' ? undefined : inArray(organisations.id, which));
  const orgIds = orgs.map((o) => o.id);
  if (!orgIds.length) return { open: 0, added: 0 };
  const people = await tx.select().from(organisationPeople).where(inArray(organisationPeople.organisationId, orgIds));

  type Found = {
    organisationId: string;
    subject: 'organisation' | 'person';
    personId: string | null;
    subjectName: string;
    subjectKey: string;
    entryId: string;
    entryDataId: string;
    matchedName: string;
    score: number;
  };
  const found = new Map<string, Found>();
  const consider = (
    organisationId: string,
    subject: Found['subject'],
    personId: string | null,
    candidate: { name: string; nationality?: string | null; dateOfBirth?: string | null },
    against: PreparedEntry[],
  ) => {
    if (!candidate.name.trim()) return;
    for (const entry of against) {
      const result = scoreAgainstEntry(candidate, entry, entry.normalised);
      if (result.score < MATCH_THRESHOLD || !result.matchedName || !result.key) continue;
      const key = `${organisationId}|${result.key}|${entry.dataId}`;
      const previous = found.get(key);
      if (previous && previous.score >= result.score) continue;
      found.set(key, {
        organisationId,
        subject,
        personId,
        subjectName: candidate.name,
        subjectKey: result.key,
        entryId: entry.id,
        entryDataId: entry.dataId,
        matchedName: result.matchedName,
        score: Math.min(1, result.score),
      });
    }
  };
  for (const org of orgs) {
    consider(org.id, 'organisation', null, { name: org.legalName }, entities);
    if (org.acronym) consider(org.id, 'organisation', null, { name: org.acronym }, entities);
  }
  for (const p of people) {
    consider(p.organisationId, 'person', p.id, p, individuals);
    if (p.nameOriginalScript) consider(p.organisationId, 'person', p.id, { ...p, name: p.nameOriginalScript }, individuals);
  }

  const values = [...found.values()];
  let added = 0;
  for (let i = 0; i < values.length; i += 200) {
    const inserted = await tx
      .insert(screeningHits)
      .values(values.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [screeningHits.organisationId, screeningHits.subjectKey, screeningHits.entryDataId],
        set: {
          entryId: sql`excluded.entry_id`,
          personId: sql`excluded.person_id`,
          subjectName: sql`excluded.subject_name`,
          matchedName: sql`excluded.matched_name`,
          score: sql`excluded.score`,
        },
      })
      .returning({ id: screeningHits.id, created: sql<boolean>`(xmax = 0)` });
    added += inserted.filter((r) => r.created).length;
  }
  // Open hits of these organisations that this screening no longer finds.
  const stillFound = values.map((v) => `${v.organisationId}|${v.subjectKey}|${v.entryDataId}`);
  const foundKey = sql<string>`${screeningHits.organisationId}::text || '|' || ${screeningHits.subjectKey} || '|' || ${screeningHits.entryDataId}`;
  await tx
    .delete(screeningHits)
    .where(
      and(
        eq(screeningHits.status, 'open'),
        which === 'all' ? undefined : inArray(screeningHits.organisationId, orgIds),
        stillFound.length ? notInArray(foundKey, stillFound) : undefined,
      ),
    );
  const [{ open }] = await tx
    .select({ open: sql<number>`count(*)::int` })
    .from(screeningHits)
    .where(and(eq(screeningHits.status, 'open'), which === 'all' ? undefined : inArray(screeningHits.organisationId, orgIds)));
  return { open, added };
}

