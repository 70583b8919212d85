import { db } from '@/db';
import { organisationFlags, sanctionsEntries, sanctionsLists, screeningHits } from '@/db/schema';

/**
 * An open screening hit of the organisation against an entry of a list of its own. The
 * list is not made the current one for long: it is dated in the past, so a test that
 * imports a list afterwards screens against that one.
 */
export async function createScreeningHit(organisationId: string) {
  const [list] = await db
    .insert(sanctionsLists)
    .values({ sourceFileName: 'factory.xml', sha256: '0'.repeat(64), individuals: 1, entities: 0, aliases: 0, importedAt: new Date('2000-01-01T00:00:00Z') })
    .returning();
  const [entry] = await db
    .insert(sanctionsEntries)
    .values({ listId: list.id, kind: 'individual', dataId: '1', primaryName: 'Invented Person', names: [{ name: 'Invented Person', kind: 'primary' }] })
    .returning();
  const [hit] = await db
    .insert(screeningHits)
    .values({ organisationId, subject: 'person', subjectName: 'Invented Persson', subjectKey: 'invented persson', entryId: entry.id, entryDataId: '1', matchedName: 'Invented Person', score: 0.9 })
    .returning();
  return hit;
}

/** An active yellow flag on the organisation. */
export async function createFlag(organisationId: string) {
  const [flag] = await db.insert(organisationFlags).values({ organisationId, level: 'yellow', comment: 'Audited accounts are late.' }).returning();
  return flag;
}
