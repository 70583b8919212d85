import 'server-only';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { organisationMembers, organisations, users, userTokens, type Organisation, type SelfDeclaration } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit, type AuditActor } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { closeOpenTokens, issueToken, usableToken, useToken } from './user-tokens';
import { screenOrganisations } from './diligence';
import {
  profileRequiredFields,
  type InviteMemberInput,
  type OrganisationProfileInput,
  type SelfDeclarationInput,
  type UpdateOrganisationInput,
} from '@/lib/validations/organisation';

export const ORGANISATION_INVITATION_DAYS = 14;

export type MemberRole = 'owner' | 'member';

/** The organisation an organisation invitation token is for (kept in its `data`). */
const tokenOrganisationId = sql`(${userTokens.data}->>'organisationId')`;

/** The organisations the user belongs to, with their role in each. */
export async function listMyOrganisations(user: SessionUser, executor: Executor = db) {
  return executor
    .select({ id: organisations.id, legalName: organisations.legalName, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, user.id))
    .orderBy(asc(organisations.legalName));
}

/**
 * The organisation if the user is a member (with their role), else null: another
 * organisation does not exist for them.
 */
export async function getMyOrganisation(user: SessionUser, organisationId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ organisation: organisations, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, user.id)));
  return row ?? null;
}

/** Like getMyOrganisation, for writes: not a member -> not found; `owner` -> only owners. */
export async function requireMembership(executor: Executor, user: SessionUser, organisationId: string, need: MemberRole = 'member') {
  assertCan(user, 'organisation:manage');
  const row = await getMyOrganisation(user, organisationId, executor);
  if (!row) throw new NotFoundError();
  if (need === 'owner' && row.role !== 'owner') throw new AppError('ownerOnly');
  return row;
}

function profileValues(input: OrganisationProfileInput) {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const experience = Object.fromEntries(Object.entries(input.experience).filter(([, text]) => text.trim() !== ''));
  return {
    legalName: input.legalName,
    acronym: orNull(input.acronym),
    type: input.type,
    countryOfRegistration: input.countryOfRegistration,
    heritageCountries: [...new Set(input.heritageCountries)],
    operationCountries: [...new Set(input.operationCountries)],
    yearFounded: input.yearFounded,
    website: orNull(input.website),
    registrationNumber: orNull(input.registrationNumber),
    registrationExpiresOn: orNull(input.registrationExpiresOn),
    staffSize: input.staffSize,
    annualBudget: input.annualBudget,
    annualBudgetCurrency: orNull(input.annualBudgetCurrency),
    contactName: orNull(input.contactName),
    contactEmail: orNull(input.contactEmail),
    contactPhone: orNull(input.contactPhone),
    mission: orNull(input.mission),
    experience,
    localPartners: input.localPartners,
  };
}

/** A new organisation; its creator is its owner. */
export async function createOrganisation(tx: Executor, user: SessionUser, input: OrganisationProfileInput) {
  assertCan(user, 'organisation:manage');
  const [org] = await tx
    .insert(organisations)
    .values({ ...profileValues(input), createdBy: user.id })
    .returning();
  await tx.insert(organisationMembers).values({ organisationId: org.id, userId: user.id, role: 'owner' });
  await writeAudit(tx, auditActor(user), { action: 'organisation.created', entityType: 'organisation', entityId: org.id, after: { legalName: org.legalName } });
  await screenOrganisations(tx, [org.id]);
  return org;
}

/** Any member may keep the profile up to date. */
export async function updateOrganisation(tx: Executor, user: SessionUser, input: UpdateOrganisationInput) {
  const { organisation: before } = await requireMembership(tx, user, input.organisationId);
  const { organisationId, ...profile } = input;
  const [after] = await tx.update(organisations).set(profileValues(profile)).where(eq(organisations.id, organisationId)).returning();
  const changed = Object.keys(after).filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
  );
  await writeAudit(tx, auditActor(user), { action: 'organisation.updated', entityType: 'organisation', entityId: organisationId, after: { changed } });
  // Screened again when a name it is screened by changes.
  if (changed.includes('legalName') || changed.includes('acronym')) await screenOrganisations(tx, [organisationId]);
  return { before, after };
}

/** Signs (or signs again) the self-declaration, in the name and title the signer gives. */
export async function signSelfDeclaration(tx: Executor, user: SessionUser, input: SelfDeclarationInput, now = new Date()) {
  const { organisation } = await requireMembership(tx, user, input.organisationId);
  const declaration: SelfDeclaration = {
    noSanctions: input.noSanctions,
    noFraudFindings: input.noFraudFindings,
    pseaPolicy: input.pseaPolicy,
    noConflictOfInterest: input.noConflictOfInterest,
    informationAccurate: input.informationAccurate,
    signedByName: input.signedByName,
    signedByTitle: input.signedByTitle,
    signedAt: now.toISOString(),
    signedByUserId: user.id,
  };
  await tx.update(organisations).set({ selfDeclaration: declaration }).where(eq(organisations.id, organisation.id));
  const signed = { before: organisation.selfDeclaration, after: declaration };
  await writeAudit(tx, auditActor(user), { action: 'organisation.declaration_signed', entityType: 'organisation', entityId: input.organisationId, ...signed });
  return signed;
}

/** Where the profile stands: which expected fields are empty, and whether the declaration is signed. */
export function organisationCompleteness(org: Organisation) {
  const missing = profileRequiredFields.filter((field) => {
    const value = org[field];
    return value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
  const d = org.selfDeclaration;
  const signed = !!d && d.noSanctions && d.noFraudFindings && d.pseaPolicy && d.noConflictOfInterest && d.informationAccurate;
  return { missing, signed };
}

/** Members and open invitations, for members of the organisation. */
export async function listMembers(user: SessionUser, organisationId: string) {
  const membership = await getMyOrganisation(user, organisationId);
  if (!membership) throw new NotFoundError();
  const [members, invitations] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: organisationMembers.role, joinedAt: organisationMembers.joinedAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(eq(organisationMembers.organisationId, organisationId))
      .orderBy(asc(organisationMembers.joinedAt)),
    db
      .select({ id: userTokens.id, email: userTokens.email, expiresAt: userTokens.expiresAt })
      .from(userTokens)
      .where(
        and(
          eq(userTokens.purpose, 'organisation_invitation'),
          sql`${tokenOrganisationId} = ${organisationId}`,
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, new Date()),
        ),
      )
      .orderBy(asc(userTokens.email)),
  ]);
  return { members, invitations };
}

/** The owner invites a colleague by e-mail; the mailed link lets them join (signing up first if needed). */
export async function inviteMember(tx: Executor, user: SessionUser, input: InviteMemberInput, now = new Date()) {
  const { organisation } = await requireMembership(tx, user, input.organisationId, 'owner');
  const [existing] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, input.email));
  if (existing) {
    const [member] = await tx
      .select({ userId: organisationMembers.userId })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.organisationId, organisation.id), eq(organisationMembers.userId, existing.id)));
    if (member) throw new AppError('alreadyMember', { email: input.email }, { email: ['alreadyMember'] });
  }
  // A new invitation replaces an earlier one to the same address for this organisation.
  await closeOpenTokens(tx, 'organisation_invitation', and(eq(userTokens.email, input.email), sql`${tokenOrganisationId} = ${organisation.id}`)!, now);
  const { id: invitationId, token, expiresAt } = await issueToken(tx, {
    purpose: 'organisation_invitation',
    email: input.email,
    userId: existing?.id ?? null,
    data: { organisationId: organisation.id },
    lifetimeMs: ORGANISATION_INVITATION_DAYS * 24 * 3600 * 1000,
    createdBy: user.id,
    now,
  });
  await queueMail(tx, {
    to: input.email,
    toUserId: existing?.id ?? null,
    // Someone new to the portal is most likely to read the language of the colleague inviting them.
    locale: existing?.locale ?? user.locale,
    template: 'organisationInvitation',
    data: { inviterName: user.name ?? user.email, organisation: organisation.legalName, link: appUrl(`/organisation/join/${token}`), expiresAt },
  });
  await writeAudit(tx, auditActor(user), { action: 'organisation.member_invited', entityType: 'organisation', entityId: organisation.id, after: { email: input.email } });
  return { invitationId, organisationId: organisation.id };
}

/** The organisation invitation a token opens, if it is still good. */
export async function findOpenOrganisationInvitation(executor: Executor, token: string, now = new Date()) {
  const [row] = await executor
    .select({
      id: userTokens.id,
      email: userTokens.email,
      organisationId: organisations.id,
      organisation: organisations.legalName,
      expiresAt: userTokens.expiresAt,
    })
    .from(userTokens)
    .innerJoin(organisations, sql`${organisations.id}::text = ${tokenOrganisationId}`)
    .where(usableToken('organisation_invitation', token, now));
  return row ?? null;
}

/**
 * What the page an organisation invitation links to shows: the open invitation (the token
 * is the credential, so a visitor may ask) and, for a visitor, whether the invited address
 * already has an account (sign in first) or not (create it there). Null when the link is not open.
 */
export async function getOrganisationInvitationForViewer(viewer: SessionUser | null, token: string) {
  const invitation = await findOpenOrganisationInvitation(db, token);
  if (!invitation) return null;
  if (viewer) return { invitation, inviteeHasAccount: null };
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return { invitation, inviteeHasAccount: !!existing };
}

/**
 * Joins the organisation with a mailed link. The link is single-use and only for the
 * address it was sent to. The audit row names `by`: the user, or nobody when a visitor
 * has just created the invitee's account with the link.
 */
export async function joinOrganisation(tx: Executor, user: SessionUser, token: string, now = new Date(), by: AuditActor = auditActor(user)) {
  assertCan(user, 'organisation:manage');
  const invitation = await findOpenOrganisationInvitation(tx, token, now);
  if (!invitation) throw new AppError('organisationInvitationInvalid');
  if (invitation.email !== user.email) throw new AppError('organisationInvitationOtherEmail', { email: invitation.email });
  if (!(await useToken(tx, invitation.id, now, { userId: user.id }))) throw new AppError('organisationInvitationInvalid');
  await tx
    .insert(organisationMembers)
    .values({ organisationId: invitation.organisationId, userId: user.id, role: 'member' })
    .onConflictDoNothing();
  await writeAudit(tx, by, { action: 'organisation.member_joined', entityType: 'organisation', entityId: invitation.organisationId, after: { userId: user.id, email: user.email } });
  return { organisationId: invitation.organisationId, organisation: invitation.organisation };
}

/** The user's organisations with where each profile stands (dashboard). */
export async function listMyOrganisationStates(user: SessionUser) {
  const rows = await db
    .select({ organisation: organisations, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, user.id))
    .orderBy(asc(organisations.legalName));
  return rows.map(({ organisation, role }) => ({
    id: organisation.id,
    legalName: organisation.legalName,
    role,
    ...organisationCompleteness(organisation),
  }));
}
