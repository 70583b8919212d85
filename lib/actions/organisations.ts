'use server';

import { AuthError } from 'next-auth';
import { auditActor } from '@/lib/audit';
import { redirectInLocale } from '@/lib/i18n/redirect';
import { signIn } from '@/lib/auth';
import { createApplicantAccount } from '@/lib/data/accounts';
import {
  createOrganisation,
  findOpenOrganisationInvitation,
  inviteMember,
  joinOrganisation,
  signSelfDeclaration,
  updateOrganisation,
} from '@/lib/data/organisations';
import { AppError, type ActionResult } from '@/lib/errors';
import { requestTranslator } from '@/lib/i18n/translate';
import {
  createOrganisationSchema,
  inviteMemberSchema,
  joinOrganisationSchema,
  selfDeclarationSchema,
  updateOrganisationSchema,
} from '@/lib/validations/organisation';
import { limits } from '@/lib/security/rate-limit';
import { cleanInput } from '@/lib/security/text';
import { action, publicAction } from './action';

export const createOrganisationAction = action(
  createOrganisationSchema,
  'organisation:manage',
  async ({ input, user, tx }) => {
    const org = await createOrganisation(tx, user, input);
    return { id: org.id };
  },
);

export const updateOrganisationAction = action(
  updateOrganisationSchema,
  'organisation:manage',
  async ({ input, user, tx }) => {
    await updateOrganisation(tx, user, input);
    return { id: input.organisationId };
  },
);

export const signSelfDeclarationAction = action(
  selfDeclarationSchema,
  'organisation:manage',
  async ({ input, user, tx }) => {
    const signed = await signSelfDeclaration(tx, user, input);
    return { signedAt: signed.after.signedAt };
  },
);

export const inviteMemberAction = action(
  inviteMemberSchema,
  'organisation:manage',
  async ({ input, user, tx }) => inviteMember(tx, user, input),
);

const joinTx = publicAction(
  joinOrganisationSchema,
  async ({ input, user, locale, tx }) => {
    let member = user;
    let created = false;
    if (!member) {
      // An invitee without an account creates it here, with the address the invitation went to.
      const invitation = await findOpenOrganisationInvitation(tx, input.token);
      if (!invitation) throw new AppError('organisationInvitationInvalid');
      if (!input.name || !input.password) {
        throw new AppError('invalidInput', {}, { ...(!input.name && { name: ['required'] }), ...(!input.password && { password: ['required'] }) });
      }
      const account = await createApplicantAccount(tx, user, { name: input.name, email: invitation.email, password: input.password }, locale);
      member = { id: account.id, email: account.email, name: input.name, roles: ['applicant'], locale };
      created = true;
    }
    // The audit rows name who acted: the signed-in invitee, or nobody (a visitor with the link).
    const joined = await joinOrganisation(tx, member, input.token, new Date(), auditActor(user));
    return { ...joined, email: member.email, created };
  },
  { limit: limits.tokenAddress },
);

/** Joins an organisation from the mailed link, creating the account first when the invitee has none. */
export async function joinOrganisationAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await joinTx(raw);
  if (!result.ok) return result;
  if (result.data.created) {
    const input = joinOrganisationSchema.parse(cleanInput(raw));
    try {
      await signIn('credentials', { email: result.data.email, password: input.password, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const t = await requestTranslator('auth');
      return { ok: false, error: t('errorInvalid') };
    }
  }
  return redirectInLocale(`/organisation?org=${result.data.organisationId}&joined=1`);
}
