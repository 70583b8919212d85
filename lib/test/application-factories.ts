import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import {
  applications,
  callCountries,
  calls,
  callThemes,
  documentSlots,
  eligibilityRequirements,
  organisationMembers,
  organisations,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session-user';
import { saveApplicationDraft } from '@/lib/data/applications';
import { storeApplicationFile } from '@/lib/data/files';
import type { ApplicationDraftValues } from '@/lib/validations/application';
import type { SelfDeclarationInput } from '@/lib/validations/organisation';
import { createUser } from './factories';

const HOUR = 3600_000;

/** A call open now (or as given), with two countries, two themes, declarations and document slots. */
export async function createOpenCall(options: { opensAt?: Date; closesAt?: Date; status?: 'open' | 'draft' | 'in_review' } = {}) {
  const slug = `test-call-${crypto.randomBytes(4).toString('hex')}`;
  const [call] = await db
    .insert(calls)
    .values({
      slug,
      title: `Test call ${slug}`,
      status: options.status ?? 'open',
      timeZone: 'Europe/Zurich',
      opensAt: options.opensAt ?? new Date(Date.now() - 24 * HOUR),
      closesAt: options.closesAt ?? new Date(Date.now() + 10 * 24 * HOUR),
      currency: 'USD',
      minBudget: 10_000,
      maxBudget: 50_000,
    })
    .returning();
  await db.insert(callCountries).values(['SN', 'HT'].map((countryCode) => ({ callId: call.id, countryCode })));
  await db.insert(callThemes).values(['climate', 'livelihoods'].map((theme) => ({ callId: call.id, theme })));
  const requirements = await db
    .insert(eligibilityRequirements)
    .values([
      { callId: call.id, position: 0, statement: 'We are a registered non-profit.', required: true },
      { callId: call.id, position: 1, statement: 'We have worked with the UN before.', required: false },
    ])
    .returning();
  const slots = await db
    .insert(documentSlots)
    .values([
      { callId: call.id, position: 0, name: 'Proposal', required: true, acceptedTypes: ['pdf', 'docx'], maxSizeBytes: 2048 },
      { callId: call.id, position: 1, name: 'Certificate', required: false, acceptedTypes: ['pdf', 'png', 'jpeg'], maxSizeBytes: 4096 },
    ])
    .returning();
  return { call, requirements, slots };
}
export type TestCall = Awaited<ReturnType<typeof createOpenCall>>;

/** An applicant who owns a new organisation (and, optionally, colleagues in it). */
export async function createApplicantOrganisation(name = 'Test Diaspora Org') {
  const owner = await createUser(['applicant']);
  const [org] = await db
    .insert(organisations)
    .values({ legalName: `${name} ${crypto.randomBytes(3).toString('hex')}`, countryOfRegistration: 'FR', createdBy: owner.id })
    .returning();
  await db.insert(organisationMembers).values({ organisationId: org.id, userId: owner.id, role: 'owner' });
  return { owner, organisation: org };
}

/** The self-declaration with every statement ticked, as the organisation's owner signs it. */
export function fullSelfDeclaration(organisationId: string): SelfDeclarationInput {
  return {
    organisationId,
    noSanctions: true,
    noFraudFindings: true,
    pseaPolicy: true,
    noConflictOfInterest: true,
    informationAccurate: true,
    signedByName: 'Awa Ndiaye',
    signedByTitle: 'Director',
  };
}

export async function addMember(organisationId: string): Promise<SessionUser> {
  const member = await createUser(['applicant']);
  await db.insert(organisationMembers).values({ organisationId, userId: member.id, role: 'member' });
  return member;
}

/** A draft application of the organisation to the call (inserted directly). */
export async function createDraft(callId: string, organisationId: string, createdBy?: string) {
  const [app] = await db.insert(applications).values({ callId, organisationId, createdBy }).returning();
  return app;
}

/** A complete form for the test call: every step valid, the budget adding up. */
export function completeDraft(call: TestCall): ApplicationDraftValues {
  return {
    title: 'Flood early warning for fishing families',
    countries: ['SN'],
    themes: ['climate'],
    summary: 'Early warnings by SMS and radio.',
    objectives: 'Fewer losses from floods.',
    activities: 'Install gauges, train volunteers, broadcast warnings.',
    targetPopulation: 'Fishing families of Saint-Louis.',
    peopleToReach: 5000,
    localPartners: [{ name: 'Pêcheurs Unis', country: 'SN', role: 'Runs the volunteer network.' }],
    risks: [{ risk: 'Power cuts.', mitigation: 'Solar-powered gauges.' }],
    durationMonths: 9,
    requestedAmount: 30_000,
    budgetLines: [
      { label: 'Equipment', amount: 20_000 },
      { label: 'Training', amount: 10_000 },
    ],
    declarations: { [call.requirements[0].id]: true, [call.requirements[1].id]: false },
  };
}

/** The smallest file that is a PDF by its bytes. */
export function pdfBytes(size = 200): Buffer {
  const head = Buffer.from('%PDF-1.4\n% test\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

/** Saves a complete draft and uploads the required document: ready to submit. */
export async function prepareComplete(user: SessionUser, call: TestCall, applicationId: string) {
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const saved = await db.transaction((tx) => saveApplicationDraft(tx, user, { applicationId, version: app.version, draft: completeDraft(call) }));
  await storeApplicationFile(user, { applicationId, slotId: call.slots[0].id, fileName: 'proposal.pdf', bytes: pdfBytes() });
  return saved.version;
}
