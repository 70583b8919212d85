import { z } from './zod';

/** Due diligence (issue 17): the people who run an organisation, and an admin's decision on a screening hit. */

export const personRoles = ['director', 'board_member', 'authorised_officer'] as const;
export type PersonRoleValue = (typeof personRoles)[number];

export const organisationPersonSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Optional: the name as written in its own script. */
  nameOriginalScript: z.string().trim().max(200),
  role: z.enum(personRoles),
  /** ISO 3166-1 alpha-2 or ''. */
  nationality: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/)]),
  /** YYYY-MM-DD or ''. */
  dateOfBirth: z.union([z.literal(''), z.iso.date()]),
});
export type OrganisationPersonInput = z.infer<typeof organisationPersonSchema>;

export const organisationPeopleSchema = z.strictObject({
  organisationId: z.uuid(),
  people: z.array(organisationPersonSchema).max(50),
});
export type OrganisationPeopleInput = z.infer<typeof organisationPeopleSchema>;

export const emptyPerson: OrganisationPersonInput = { name: '', nameOriginalScript: '', role: 'director', nationality: '', dateOfBirth: '' };

/** Clear a hit as a false positive, or confirm it; either way with the reason. */
export const decideScreeningHitSchema = z.strictObject({
  hitId: z.uuid(),
  decision: z.enum(['clear', 'confirm']),
  reason: z.string().trim().min(1, { error: 'screeningReasonRequired' }).max(2000),
});
export type DecideScreeningHitInput = z.infer<typeof decideScreeningHitSchema>;

export const flagLevels = ['observation', 'yellow', 'red'] as const;

/** A risk flag on an organisation, with the comment that explains it. */
export const raiseFlagSchema = z.strictObject({
  organisationId: z.uuid(),
  level: z.enum(flagLevels),
  comment: z.string().trim().min(1, { error: 'screeningReasonRequired' }).max(2000),
});
export type RaiseFlagInput = z.infer<typeof raiseFlagSchema>;

export const liftFlagSchema = z.strictObject({
  flagId: z.uuid(),
  reason: z.string().trim().min(1, { error: 'screeningReasonRequired' }).max(2000),
});
export type LiftFlagInput = z.infer<typeof liftFlagSchema>;

/** The kinds of document an organisation keeps in its library (db/schema/organisations.ts checks the same). */
export const documentKinds = ['registration_certificate', 'statutes', 'audited_accounts', 'anti_fraud_policy', 'psea_policy', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** What goes with the bytes of a library upload (in the upload's query string). */
export const organisationDocumentMetaSchema = z.strictObject({
  kind: z.enum(documentKinds),
  /** The last day it is valid, YYYY-MM-DD, or '' when it does not expire. */
  expiresOn: z.union([z.literal(''), z.iso.date()]),
});
export type OrganisationDocumentMeta = z.infer<typeof organisationDocumentMetaSchema>;

/** The verification checklist an admin answers for an organisation. */
export const verificationItems = ['registration', 'governing_documents', 'anti_fraud_policy', 'psea_policy', 'audited_accounts'] as const;
export type VerificationItemValue = (typeof verificationItems)[number];

/** Met, with a document of the organisation as evidence; not met, with a note saying what is missing. */
export const answerVerificationSchema = z
  .strictObject({
    organisationId: z.uuid(),
    item: z.enum(verificationItems),
    answer: z.enum(['met', 'not_met']),
    evidenceDocumentId: z.union([z.literal(''), z.uuid()]),
    note: z.string().trim().max(2000),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'met' && !v.evidenceDocumentId) ctx.addIssue({ code: 'custom', path: ['evidenceDocumentId'], message: 'verificationEvidenceRequired' });
    if (v.answer === 'not_met' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'verificationNoteRequired' });
  });
export type AnswerVerificationInput = z.infer<typeof answerVerificationSchema>;
