import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applications, auditLog, decisions, sanctionsEntries, screeningHits } from '@/db/schema';
import { decideScreeningHitAction, liftOrganisationFlagAction, raiseOrganisationFlagAction, saveOrganisationPeopleAction } from '@/lib/actions/diligence';
import { publishResultsAction, recordDecisionsAction } from '@/lib/actions/selection';
import { actingAs } from '@/lib/auth/session';
import { parseConsolidatedList } from '@/lib/diligence/consolidated-list';
import { SANCTIONS_SAMPLE } from '@/lib/diligence/sample';
import { currentSanctionsList, diligenceHolds, importSanctionsList, listOrganisationFlags, listScreeningHits } from '@/lib/data/diligence';
import { recordDecisions } from '@/lib/data/selection';
import { createUser } from '@/lib/test/factories';
import { callInSelection } from '@/lib/test/selection-factory';
import { emptyPerson } from '@/lib/validations/diligence';

const sample = fs.readFileSync(SANCTIONS_SAMPLE);

describe('the Consolidated List importer', () => {
  it('reads the sample in the UN schema: counts, aliases, names in original script, dates, nationalities', () => {
    const list = parseConsolidatedList(sample);
    expect(list.counts).toEqual({ individuals: 5, entities: 2, aliases: 8 });
    expect(list.generatedAt?.toISOString()).toBe('2026-11-30T09:15:02.000Z');
    const selim = list.entries.find((e) => e.dataId === '9000001')!;
    expect(selim).toMatchObject({
      kind: 'individual',
      referenceNumber: 'XXi.901',
      primaryName: 'SÉLIM BACHIR AL-QASSEMI',
      listedOn: '2015-03-12',
      nationalities: ['YE'],
      datesOfBirth: ['1971-05-04'],
    });
    expect(selim.names).toEqual([
      { name: 'SÉLIM BACHIR AL-QASSEMI', kind: 'primary' },
      { name: 'سليم بشير القاسمي', kind: 'original_script' },
      { name: 'Salim Bashir al-Qasimi', kind: 'alias', quality: 'Good' },
      { name: 'Abu Bashir', kind: 'alias', quality: 'Low' },
    ]);
    // Empty elements (<NATIONALITY/>, an alias without a name) are no values.
    expect(list.entries.find((e) => e.dataId === '9000004')).toMatchObject({ nationalities: [], datesOfBirth: [], names: [{ kind: 'primary' }, { kind: 'original_script' }] });
    expect(list.entries.find((e) => e.dataId === '9000002')!.datesOfBirth).toEqual(['1960']);
    const entity = list.entries.find((e) => e.dataId === '7000002')!;
    expect(entity.kind).toBe('entity');
    expect(entity.names.map((n) => n.name)).toEqual(['NORTHERN LANTERN TRADING COMPANY', 'NLTC', 'Lantern Trading & Shipping']);
  });

  it('refuses what is not the list, and a document type declaration (no entity expansion)', () => {
    expect(() => parseConsolidatedList('<html><body/></html>')).toThrow(/CONSOLIDATED_LIST/);
    expect(() => parseConsolidatedList('<CONSOLIDATED_LIST><INDIVIDUALS>')).toThrow(/well-formed/);
    expect(() => parseConsolidatedList('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST/>')).toThrow(/document type/);
  });

  it('[admin] imports the file: a new current version with its entries, audited; others may not', async () => {
    const admin = await createUser(['admin']);
    const imported = await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-sample.xml', content: sample }));
    const current = await currentSanctionsList();
    expect(current?.list.id).toBe(imported.list.id);
    expect(current?.list).toMatchObject({ individuals: 5, entities: 2, aliases: 8, sourceFileName: 'consolidated-sample.xml' });
    const entries = await db.select().from(sanctionsEntries).where(eq(sanctionsEntries.listId, imported.list.id));
    expect(entries).toHaveLength(7);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'sanctions.list_imported'), eq(auditLog.entityId, imported.list.id)));
    expect(audit.actorId).toBe(admin.id);
    const applicant = await createUser(['applicant']);
    await expect(db.transaction((tx) => importSanctionsList(tx, applicant, { fileName: 'x.xml', content: sample }))).rejects.toMatchObject({ key: 'forbidden' });
  });
});

const decide = (applicationId: string, outcome: 'selected' | 'reserve' | 'not_selected', awardedAmount: number | null = null) => ({
  applicationId,
  outcome,
  awardedAmount,
  rationale: `Because ${outcome}`,
  shareComments: false,
});

describe('a possible match holds an award until cleared', () => {
  it('[admin] cannot select (action or data function) or publish while a director matches; clears it with a reason, then can', async () => {
    const admin = await createUser(['admin']);
    await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-sample.xml', content: sample }));
    const { callId, applications: [a] } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4], [4, 4]] }]);

    // The organisation's member lists its director: another word order, a diacritic dropped.
    const saved = await actingAs(a.member, () =>
      saveOrganisationPeopleAction({ organisationId: a.organisationId, people: [{ ...emptyPerson, name: 'Al-Qassemi Selim Bachir', nationality: 'FR' }] }),
    );
    expect(saved).toMatchObject({ ok: true, data: { count: 1, openHits: 1 } });
    const [hit] = await db.select().from(screeningHits).where(eq(screeningHits.organisationId, a.organisationId));
    expect(hit).toMatchObject({ status: 'open', subject: 'person', subjectName: 'Al-Qassemi Selim Bachir', entryDataId: '9000001' });
    expect(hit.score).toBeGreaterThanOrEqual(0.85);

    const listed = await listScreeningHits(admin, { organisationId: a.organisationId });
    expect(listed[0]).toMatchObject({ person: { name: 'Al-Qassemi Selim Bachir', role: 'director' }, entry: { referenceNumber: 'XXi.901' } });

    // Refused through the action and through the data function directly; nothing is written.
    const refused = await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 40_000)] }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('possible sanctions list match') });
    await expect(db.transaction((tx) => recordDecisions(tx, admin, { callId, decisions: [decide(a.app.id, 'selected', 40_000)] }))).rejects.toMatchObject({
      key: 'sanctionsMatchOpen',
    });
    expect(await db.select().from(decisions).where(eq(decisions.applicationId, a.app.id))).toEqual([]);
    // Not selecting is not an award: it may be recorded.
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'reserve')] }))).toMatchObject({ ok: true });

    // A reason is required; then the match is cleared, audited, and the award goes through.
    const noReason = await actingAs(admin, () => decideScreeningHitAction({ hitId: hit.id, decision: 'clear', reason: ' ' }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['Give the reason.'] } });
    const applicantTries = await actingAs(a.member, () => decideScreeningHitAction({ hitId: hit.id, decision: 'clear', reason: 'Not him.' }));
    expect(applicantTries.ok).toBe(false);
    const cleared = await actingAs(admin, () => decideScreeningHitAction({ hitId: hit.id, decision: 'clear', reason: 'Different date of birth and nationality.' }));
    expect(cleared).toEqual({ ok: true, data: { status: 'cleared', madeIneligible: 0 } });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'screening_hit.cleared'), eq(auditLog.entityId, a.organisationId)));
    expect(audit.after).toMatchObject({ reason: 'Different date of birth and nationality.' });
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 40_000)] }))).toMatchObject({ ok: true });

    // A newer copy of the list keeps the cleared match cleared.
    await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-2.xml', content: sample }));
    const after = await db.select().from(screeningHits).where(eq(screeningHits.organisationId, a.organisationId));
    expect(after.map((h) => h.status)).toEqual(['cleared']);
  });

  it('[admin] publishing is refused while a selected application has an open match', async () => {
    const admin = await createUser(['admin']);
    await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-sample.xml', content: sample }));
    const { callId, applications: [a] } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4], [4, 4]] }]);
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 40_000)] }))).toMatchObject({ ok: true });
    // The director is listed after the decision: the award is held at publication.
    await actingAs(a.member, () => saveOrganisationPeopleAction({ organisationId: a.organisationId, people: [{ ...emptyPerson, name: 'Mariam Yusuf Darwish' }] }));
    const refused = await actingAs(admin, () => publishResultsAction({ callId }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('possible sanctions list match') });
  });

  it('[admin] confirms a match: the application becomes ineligible, audited', async () => {
    const admin = await createUser(['admin']);
    await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-sample.xml', content: sample }));
    const { applications: [a] } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4], [4, 4]] }]);
    await actingAs(a.member, () => saveOrganisationPeopleAction({ organisationId: a.organisationId, people: [{ ...emptyPerson, name: 'عبد الرحمن حامد النوري' }] }));
    const [hit] = await db.select().from(screeningHits).where(eq(screeningHits.organisationId, a.organisationId));
    expect(hit).toMatchObject({ status: 'open', entryDataId: '9000003' });
    const confirmed = await actingAs(admin, () => decideScreeningHitAction({ hitId: hit.id, decision: 'confirm', reason: 'Same passport number.' }));
    expect(confirmed).toEqual({ ok: true, data: { status: 'confirmed', madeIneligible: 1 } });
    const [app] = await db.select().from(applications).where(eq(applications.id, a.app.id));
    expect(app).toMatchObject({ eligibility: 'ineligible', eligibilityReason: expect.stringContaining('Sanctions list match confirmed') });
    const again = await actingAs(admin, () => decideScreeningHitAction({ hitId: hit.id, decision: 'clear', reason: 'Changed my mind.' }));
    expect(again).toMatchObject({ ok: false });
  });

  it('an open match goes away when the person is removed from the profile', async () => {
    const admin = await createUser(['admin']);
    await db.transaction((tx) => importSanctionsList(tx, admin, { fileName: 'consolidated-sample.xml', content: sample }));
    const { applications: [a] } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4]] }]);
    await actingAs(a.member, () => saveOrganisationPeopleAction({ organisationId: a.organisationId, people: [{ ...emptyPerson, name: 'Ivan Zelenkov' }] }));
    expect(await db.select().from(screeningHits).where(eq(screeningHits.organisationId, a.organisationId))).toHaveLength(1);
    await actingAs(a.member, () => saveOrganisationPeopleAction({ organisationId: a.organisationId, people: [{ ...emptyPerson, name: 'Ana Lucia Pereira' }] }));
    expect(await db.select().from(screeningHits).where(eq(screeningHits.organisationId, a.organisationId))).toHaveLength(0);
  });
});

describe('risk flags', () => {
  it('[admin] a red flag holds an award until lifted with a reason; a yellow one does not; the history stays', async () => {
    const { admin, callId, applications: [a] } = await callInSelection([{ country: 'LB', amount: 50_000, scores: [[5, 4], [4, 4]] }]);
    const yellow = await actingAs(admin, () => raiseOrganisationFlagAction({ organisationId: a.organisationId, level: 'yellow', comment: 'Audited accounts are late.' }));
    expect(yellow.ok).toBe(true);
    expect((await diligenceHolds(db, [a.organisationId])).get(a.organisationId)).toEqual({ openMatches: 0, confirmedMatches: 0, redFlags: 0, yellowFlags: 1, expiredDocuments: 0 });
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 40_000)] }))).toMatchObject({ ok: true });

    const red = await actingAs(admin, () => raiseOrganisationFlagAction({ organisationId: a.organisationId, level: 'red', comment: 'Registration certificate forged.' }));
    if (!red.ok) throw new Error(red.error);
    const refused = await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 45_000)] }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('active red flag') });
    expect(await actingAs(admin, () => publishResultsAction({ callId }))).toMatchObject({ ok: false, error: expect.stringContaining('active red flag') });
    expect(await actingAs(a.member, () => raiseOrganisationFlagAction({ organisationId: a.organisationId, level: 'observation', comment: 'x' }))).toMatchObject({ ok: false });

    expect(await actingAs(admin, () => liftOrganisationFlagAction({ flagId: red.data.flagId, reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: ['Give the reason.'] } });
    expect(await actingAs(admin, () => liftOrganisationFlagAction({ flagId: red.data.flagId, reason: 'The registry confirmed the certificate.' }))).toMatchObject({ ok: true });
    expect(await actingAs(admin, () => recordDecisionsAction({ callId, decisions: [decide(a.app.id, 'selected', 45_000)] }))).toMatchObject({ ok: true });
    const history = await listOrganisationFlags(admin, a.organisationId);
    expect(history.map((h) => [h.flag.level, h.flag.liftReason])).toEqual([
      ['red', 'The registry confirmed the certificate.'],
      ['yellow', null],
    ]);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, a.organisationId));
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['organisation.flag_raised', 'organisation.flag_lifted']));
  });
});
