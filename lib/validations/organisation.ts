import { email, newPassword } from './auth';
import { z } from './zod';

/**
 * The organisation profile and its self-declaration, shared by the forms and the server
 * actions. Optional fields may be left empty (''), which is stored as null.
 */

export const organisationTypes = [
  'diaspora_organisation',
  'ngo',
  'community_based',
  'foundation',
  'academic',
  'professional_association',
  'private_sector',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const optionalText = (max: number) => z.string().trim().max(max);
const optionalInt = (min: number, max: number) => z.number().int().min(min).max(max).nullable();

export const organisationLocalPartnerSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: countryCode,
  role: z.string().trim().min(1).max(500),
});

/** theme code -> what the organisation has done in it. */
export const experienceSchema = z.record(z.string().min(1).max(50), z.string().trim().max(2000));

export const organisationProfileSchema = z.strictObject({
  legalName: z.string().trim().min(1).max(300),
  acronym: optionalText(30),
  type: z.enum(organisationTypes),
  countryOfRegistration: countryCode,
  heritageCountries: z.array(countryCode).max(50),
  operationCountries: z.array(countryCode).max(100),
  yearFounded: optionalInt(1800, 2200),
  website: z.union([z.literal(''), z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/ }))]),
  registrationNumber: optionalText(100),
  /** YYYY-MM-DD or ''. */
  registrationExpiresOn: z.union([z.literal(''), z.iso.date()]),
  staffSize: optionalInt(0, 1_000_000),
  annualBudget: optionalInt(0, 100_000_000_000),
  annualBudgetCurrency: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/)]),
  contactName: optionalText(200),
  contactEmail: z.union([z.literal(''), email]),
  contactPhone: optionalText(50),
  mission: optionalText(3000),
  experience: experienceSchema,
  localPartners: z.array(organisationLocalPartnerSchema).max(50),
});
export type OrganisationProfileInput = z.infer<typeof organisationProfileSchema>;

export const createOrganisationSchema = organisationProfileSchema;
export const updateOrganisationSchema = z.strictObject({
  organisationId: z.uuid(),
  ...organisationProfileSchema.shape,
});
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

/** Every statement must be ticked; the signer names themselves and their title. */
const mustBeTrue = z.literal(true, { error: 'mustAgree' });
export const selfDeclarationSchema = z.strictObject({
  organisationId: z.uuid(),
  noSanctions: mustBeTrue,
  noFraudFindings: mustBeTrue,
  pseaPolicy: mustBeTrue,
  noConflictOfInterest: mustBeTrue,
  informationAccurate: mustBeTrue,
  signedByName: z.string().trim().min(1).max(200),
  signedByTitle: z.string().trim().min(1).max(200),
});
export type SelfDeclarationInput = z.infer<typeof selfDeclarationSchema>;
export const selfDeclarationStatements = ['noSanctions', 'noFraudFindings', 'pseaPolicy', 'noConflictOfInterest', 'informationAccurate'] as const;

export const inviteMemberSchema = z.strictObject({
  organisationId: z.uuid(),
  email,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** Joining with a mailed link: signed in already (no name/password) or creating the account here. */
export const joinOrganisationSchema = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.optional(newPassword),
});
export type JoinOrganisationInput = z.infer<typeof joinOrganisationSchema>;

/** The fields a complete profile has (the dashboard says which are missing). */
export const profileRequiredFields = [
  'heritageCountries',
  'operationCountries',
  'yearFounded',
  'registrationNumber',
  'contactName',
  'contactEmail',
  'mission',
] as const;

/** Currencies offered for the annual budget (any ISO 4217 code is accepted). */
export const budgetCurrencies = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'XOF', 'XAF', 'KES', 'ZAR', 'NGN', 'INR', 'BDT', 'HTG', 'LBP', 'TND', 'ZWL'] as const;

/** An empty profile, for the creation form. */
export const emptyOrganisationProfile: OrganisationProfileInput = {
  legalName: '',
  acronym: '',
  type: 'diaspora_organisation',
  countryOfRegistration: '',
  heritageCountries: [],
  operationCountries: [],
  yearFounded: null,
  website: '',
  registrationNumber: '',
  registrationExpiresOn: '',
  staffSize: null,
  annualBudget: null,
  annualBudgetCurrency: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  mission: '',
  experience: {},
  localPartners: [],
};
