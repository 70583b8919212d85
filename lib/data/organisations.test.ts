import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, organisationMembers, organisations, outbox } from '@/db/schema';
import {
  createOrganisationAction,
  inviteMemberAction,
  signSelfDeclarationAction,
  updateOrganisationAction,
} from '@/lib/actions/organisations';
import { actingAs } from '@/lib/auth/session';
import { findVisibleApplication } from '@/lib/data/applications';
import { getMyOrganisation, joinOrganisation, listMyOrganisationStates, organisationCompleteness } from '@/lib/data/organisations';
import { AppError } from '@/lib/errors';
import { createApplicantOrganisation, createDraft, createOpenCall, fullSelfDeclaration } from '@/lib/test/application-factories';
import { createUser, uniqueEmail } from '@/lib/test/factories';
import { emptyOrganisationProfile, type OrganisationProfileInput } from '@/lib/validations/organisation';

const profile: OrganisationProfileInput = {
  ...emptyOrganisationProfile,
  legalName: 'Sahel Climate Diaspora',
  acronym: 'SCD',
  countryOfRegistration: 'FR',
  heritageCountries: ['SN', 'ML'],
  operationCountries: ['FR', 'SN'],
  yearFounded: 2012,
  website: 'https://scd.example',
  registrationNumber: 'W751234567',
  registrationExpiresOn: '2029-12-31',
  staffSize: 8,
  annualBudget: 250_000,
  annualBudgetCurrency: 'EUR',
  contactName: 'Awa Ndiaye',
  contactEmail: 'Awa@SCD.example',
  contactPhone: '+33 1 23 45 67 89',
  mission: 'Climate adaptation with the Senegalese diaspora in France.',
  experience: { climate: 'Flood early warning in Saint-Louis since 2018.', livelihoods: '' },
  localPartners: [{ name: 'Pêcheurs Unis', country: 'SN', role: 'Volunteer network' }],
};

async function tokenFromMail(email: string) {
  const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.template, 'organisationInvitation')));
  return mail.textBody.match(/\/organisation\/join\/([A-Za-z0-9_-]+)/)![1];
}

describe('organisations', () => {
  it('[applicant] creates the organisation with every profile field and becomes its owner; audited', async () => {
    const user = await createUser(['applicant']);
    const result = await actingAs(user, () => createOrganisationAction(profile));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const membership = await getMyOrganisation(user, result.data.id);
    expect(membership?.role).toBe('owner');
    expect(membership?.organisation).toMatchObject({
      legalName: 'Sahel Climate Diaspora',
      heritageCountries: ['SN', 'ML'],
      registrationExpiresOn: '2029-12-31',
      annualBudget: 250_000,
      contactEmail: 'awa@scd.example',
      // Empty experience entries are not kept.
      experience: { climate: 'Flood early warning in Saint-Louis since 2018.' },
      localPartners: [{ name: 'Pêcheurs Unis', country: 'SN', role: 'Volunteer network' }],
    });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'organisation.created'), eq(auditLog.entityId, result.data.id)));
    expect(audit.actorId).toBe(user.id);
  });

  it('[applicant] invalid fields come back next to their field', async () => {
    const user = await createUser(['applicant']);
    const result = await actingAs(user, () =>
      createOrganisationAction({ ...profile, legalName: '', website: 'not a url', heritageCountries: ['XX1'], yearFounded: 1700 }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['heritageCountries.0', 'legalName', 'website', 'yearFounded']);
  });

  it('[applicant] another organisation\'s profile cannot be changed: not found', async () => {
    const { organisation } = await createApplicantOrganisation();
    const outsider = await createUser(['applicant']);
    const result = await actingAs(outsider, () => updateOrganisationAction({ organisationId: organisation.id, ...profile }));
    expect(result).toEqual({ ok: false, error: 'Not found. It may have been removed, or you may not have access to it.' });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, organisation.id));
    expect(row.legalName).not.toBe(profile.legalName);
  });

  it('[member] the self-declaration needs every statement; signed, it names the signer and the server date', async () => {
    const { owner, organisation } = await createApplicantOrganisation();
    const partial = await actingAs(owner, () =>
      signSelfDeclarationAction({ ...fullSelfDeclaration(organisation.id), pseaPolicy: false }),
    );
    expect(partial).toMatchObject({ ok: false, fieldErrors: { pseaPolicy: ['Tick this statement to sign.'] } });
    const before = Date.now();
    const signed = await actingAs(owner, () => signSelfDeclarationAction(fullSelfDeclaration(organisation.id)));
    expect(signed.ok).toBe(true);
    const [row] = await db.select().from(organisations).where(eq(organisations.id, organisation.id));
    expect(row.selfDeclaration).toMatchObject({ signedByName: 'Awa Ndiaye', signedByTitle: 'Director', signedByUserId: owner.id });
    expect(new Date(row.selfDeclaration!.signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(organisationCompleteness(row).signed).toBe(true);
    const [state] = (await listMyOrganisationStates(owner)).filter((o) => o.id === organisation.id);
    expect(state.signed).toBe(true);
    expect(state.missing).toContain('mission');
  });

  it('[owner] invites a colleague by e-mail; the link joins them once, and they share the applications', async () => {
    const { owner, organisation } = await createApplicantOrganisation();
    const email = uniqueEmail('colleague');
    const invited = await actingAs(owner, () => inviteMemberAction({ organisationId: organisation.id, email }));
    expect(invited.ok).toBe(true);
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mail.subject).toBe(`Join ${organisation.legalName} on EOI Portal`);
    const token = await tokenFromMail(email);

    // Someone else signed in cannot use the link.
    const stranger = await createUser(['applicant']);
    const wrong = await db.transaction((tx) => joinOrganisation(tx, stranger, token)).catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).key).toBe('organisationInvitationOtherEmail');

    const colleague = await createUser(['applicant'], { email });
    const joined = await db.transaction((tx) => joinOrganisation(tx, colleague, token));
    expect(joined.organisationId).toBe(organisation.id);
    expect((await getMyOrganisation(colleague, organisation.id))?.role).toBe('member');
    const again = await db.transaction((tx) => joinOrganisation(tx, colleague, token)).catch((e) => e);
    expect((again as AppError).key).toBe('organisationInvitationInvalid');

    const c = await createOpenCall();
    const app = await createDraft(c.call.id, organisation.id, owner.id);
    expect((await findVisibleApplication(db, colleague, app.id))?.access).toBe('member');
  });

  it('[member] only the owner invites; inviting a member again is refused at the field', async () => {
    const { owner, organisation } = await createApplicantOrganisation();
    const member = await createUser(['applicant']);
    await db.insert(organisationMembers).values({ organisationId: organisation.id, userId: member.id, role: 'member' });
    const byMember = await actingAs(member, () => inviteMemberAction({ organisationId: organisation.id, email: uniqueEmail('x') }));
    expect(byMember).toEqual({ ok: false, error: "Only the organisation's owner can do that." });
    const duplicate = await actingAs(owner, () => inviteMemberAction({ organisationId: organisation.id, email: member.email }));
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { email: ['This person is already a member.'] } });
  });
});
