import { emptyOrganisationProfile } from '@/lib/validations/organisation';
import { callInput } from './call-factory';
import { uniqueEmail } from './factories';
import { randomToken, type Persona, type World } from './security-world';

/**
 * One row per server action: a valid input in the world of lib/test/security-world.ts,
 * and what each persona must get. "ok" means the call passes authentication and
 * authorisation (it may still be refused for a business reason, such as a closed call);
 * the others are the refusal the persona must get, with nothing written.
 */
export type Expected = 'ok' | 'unauthenticated' | 'forbidden' | 'notFound';
export type Row = {
  input: (w: World) => unknown;
  who: Record<Persona, Expected>;
  /** The persona the fuzzing acts as (the one the action is for). */
  fuzzAs: Persona;
  /** Why, when the action cannot run in-process past its checks (it needs Auth.js's cookies). */
  inProcessOnlyUntil?: string;
};

const who = (map: Partial<Record<Persona, Expected>>, otherwise: Expected): Record<Persona, Expected> => ({
  visitor: map.visitor ?? otherwise,
  applicantA: map.applicantA ?? otherwise,
  applicantB: map.applicantB ?? otherwise,
  reviewer: map.reviewer ?? otherwise,
  unassignedReviewer: map.unassignedReviewer ?? otherwise,
  conflictedReviewer: map.conflictedReviewer ?? otherwise,
  admin: map.admin ?? otherwise,
});

/** Anyone, signed in or not (sign-up, mailed links). */
export const PUBLIC = who({}, 'ok');
/** Any signed-in user, on their own account. */
export const SIGNED_IN = who({ visitor: 'unauthenticated' }, 'ok');
/** Admins only. */
export const ADMIN = who({ visitor: 'unauthenticated', admin: 'ok' }, 'forbidden');
/** Any applicant, on what they start themselves. */
export const APPLICANTS = who({ visitor: 'unauthenticated', applicantA: 'ok', applicantB: 'ok' }, 'forbidden');
/** Organisation A's record: its members only; another organisation's applicant finds nothing. */
export const ORGANISATION_A = who({ visitor: 'unauthenticated', applicantA: 'ok', applicantB: 'notFound' }, 'forbidden');
/** The reviewer's assignment: theirs only; other reviewers, the conflicted one included, find nothing. */
export const ASSIGNED_REVIEWER = who(
  { visitor: 'unauthenticated', reviewer: 'ok', unassignedReviewer: 'notFound', conflictedReviewer: 'notFound' },
  'forbidden',
);

const profile = (name: string) => ({ ...emptyOrganisationProfile, legalName: name, type: 'ngo' as const, countryOfRegistration: 'SN' });

export const actionRows: Record<string, Row> = {
  // lib/actions/account.ts
  confirmEmailAction: { input: () => ({ token: randomToken() }), who: PUBLIC, fuzzAs: 'visitor' },
  resendVerificationAction: { input: () => ({}), who: SIGNED_IN, fuzzAs: 'applicantA' },
  setMyLocaleAction: { input: () => ({ locale: 'fr' }), who: SIGNED_IN, fuzzAs: 'applicantA' },
  requestPasswordResetAction: { input: () => ({ email: uniqueEmail('reset') }), who: PUBLIC, fuzzAs: 'visitor' },
  resetPasswordAction: { input: () => ({ token: randomToken(), password: 'a long enough password' }), who: PUBLIC, fuzzAs: 'visitor' },
  changePasswordAction: {
    input: () => ({ currentPassword: 'not the password', newPassword: 'a long enough password' }),
    who: SIGNED_IN,
    fuzzAs: 'applicantA',
  },
  signOutEverywhereAction: { input: () => ({}), who: SIGNED_IN, fuzzAs: 'applicantA', inProcessOnlyUntil: 'it clears the cookie (Auth.js signOut)' },

  // lib/actions/applications.ts
  startApplicationAction: {
    input: (w) => ({ callSlug: w.open.call.slug, organisationId: w.a.organisation.id }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  saveApplicationDraftAction: {
    input: (w) => ({ applicationId: w.draftA.id, version: 1, draft: w.completeDraft }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  submitApplicationAction: { input: (w) => ({ applicationId: w.draftA.id, version: 1 }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  withdrawApplicationAction: { input: (w) => ({ applicationId: w.draftA.id, version: 1 }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  reopenApplicationAction: { input: (w) => ({ applicationId: w.draftA.id, version: 1 }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  attachLibraryDocumentAction: {
    input: (w) => ({ applicationId: w.draftA.id, slotId: w.open.slots[0].id, documentId: w.libraryDocA.id }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },

  // lib/actions/assignments.ts
  assignReviewerAction: {
    input: (w) => ({ applicationId: w.reviewedB.id, reviewerId: w.spareAssignment.reviewerId }),
    who: ADMIN,
    fuzzAs: 'admin',
  },
  unassignReviewerAction: { input: (w) => ({ assignmentId: w.spareAssignment.id }), who: ADMIN, fuzzAs: 'admin' },
  autoAssignAction: { input: (w) => ({ callId: w.review.call.id }), who: ADMIN, fuzzAs: 'admin' },
  setDisagreementThresholdsAction: {
    input: (w) => ({ callId: w.review.call.id, disagreementRange: 25, disagreementStddev: 12 }),
    who: ADMIN,
    fuzzAs: 'admin',
  },

  // lib/actions/auth.ts
  signInAction: {
    input: () => ({ email: uniqueEmail('nobody'), password: 'not a password' }),
    who: PUBLIC,
    fuzzAs: 'visitor',
    inProcessOnlyUntil: 'a well-formed sign-in goes through Auth.js, which sets the cookie',
  },
  signUpAction: { input: () => ({ name: 'New Person', email: uniqueEmail('signup'), password: 'a long enough password' }), who: PUBLIC, fuzzAs: 'visitor' },
  acceptInvitationAction: { input: () => ({ token: randomToken(), name: 'Invitee', password: 'a long enough password' }), who: PUBLIC, fuzzAs: 'visitor' },
  signOutAction: { input: () => undefined, who: PUBLIC, fuzzAs: 'applicantA', inProcessOnlyUntil: 'it clears the cookie (Auth.js signOut)' },

  // lib/actions/calls.ts
  saveCallAction: { input: () => callInput(), who: ADMIN, fuzzAs: 'admin' },
  transitionCallAction: { input: (w) => ({ callId: w.open.call.id, to: 'in_review' }), who: ADMIN, fuzzAs: 'admin' },
  askQuestionAction: { input: (w) => ({ callId: w.open.call.id, question: 'Is co-financing required for this call?' }), who: APPLICANTS, fuzzAs: 'applicantA' },
  answerQuestionAction: {
    input: (w) => ({ questionId: w.question.id, publicQuestion: 'Can a consortium apply?', answer: 'Yes, with one lead.' }),
    who: ADMIN,
    fuzzAs: 'admin',
  },
  dismissQuestionAction: { input: (w) => ({ questionId: w.secondQuestion.id }), who: ADMIN, fuzzAs: 'admin' },

  // lib/actions/diligence.ts
  saveOrganisationPeopleAction: {
    input: (w) => ({
      organisationId: w.a.organisation.id,
      people: [{ name: 'Awa Diop', nameOriginalScript: '', role: 'director', nationality: 'SN', dateOfBirth: '1980-02-03' }],
    }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  raiseOrganisationFlagAction: { input: (w) => ({ organisationId: w.b.organisation.id, level: 'yellow', comment: 'Late audited accounts.' }), who: ADMIN, fuzzAs: 'admin' },
  liftOrganisationFlagAction: { input: (w) => ({ flagId: w.flag.id, reason: 'Accounts received.' }), who: ADMIN, fuzzAs: 'admin' },
  decideScreeningHitAction: { input: (w) => ({ hitId: w.screeningHit.id, decision: 'clear', reason: 'Different date of birth.' }), who: ADMIN, fuzzAs: 'admin' },
  answerVerificationAction: {
    input: (w) => ({ organisationId: w.b.organisation.id, item: 'psea_policy', answer: 'not_met', evidenceDocumentId: '', note: 'No PSEA policy yet.' }),
    who: ADMIN,
    fuzzAs: 'admin',
  },

  // lib/actions/mail.ts
  retryOutboxMessageAction: { input: (w) => ({ id: w.failedMail.id }), who: ADMIN, fuzzAs: 'admin' },
  retryFailedOutboxAction: { input: () => ({}), who: ADMIN, fuzzAs: 'admin' },

  // lib/actions/organisations.ts
  createOrganisationAction: { input: () => profile('New Diaspora Network'), who: APPLICANTS, fuzzAs: 'applicantB' },
  updateOrganisationAction: {
    input: (w) => ({ organisationId: w.a.organisation.id, ...profile('Org A renamed') }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  signSelfDeclarationAction: {
    input: (w) => ({
      organisationId: w.a.organisation.id,
      noSanctions: true,
      noFraudFindings: true,
      pseaPolicy: true,
      noConflictOfInterest: true,
      informationAccurate: true,
      signedByName: 'Owner of A',
      signedByTitle: 'Director',
    }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  inviteMemberAction: { input: (w) => ({ organisationId: w.a.organisation.id, email: uniqueEmail('colleague') }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  // A visitor creates their account while joining; a signed-in staff member cannot join an organisation.
  joinOrganisationAction: { input: () => ({ token: randomToken() }), who: who({ visitor: 'ok', applicantA: 'ok', applicantB: 'ok' }, 'forbidden'), fuzzAs: 'visitor' },

  // lib/actions/reports.ts
  saveReportingPeriodAction: {
    input: (w) => ({ callId: w.reporting.call.id, label: 'Mid-term report', periodStart: '2026-03-01', periodEnd: '2026-04-30', dueAt: '2026-05-15T17:00', final: false }),
    who: ADMIN,
    fuzzAs: 'admin',
  },
  deleteReportingPeriodAction: { input: (w) => ({ periodId: w.reporting.sparePeriod.id }), who: ADMIN, fuzzAs: 'admin' },
  saveReportDraftAction: {
    input: (w) => ({
      awardId: w.reporting.award.id,
      periodId: w.reporting.draftPeriod.id,
      version: 0,
      draft: { reach: [{ country: 'SO', sex: 'female', ageGroup: '25-59', populationGroup: 'migrants', people: 40 }], activities: [], narrative: 'Begun.' },
    }),
    who: ORGANISATION_A,
    fuzzAs: 'applicantA',
  },
  submitReportAction: { input: (w) => ({ awardId: w.reporting.award.id, periodId: w.reporting.draftPeriod.id, version: 1 }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  reviewReportAction: {
    input: (w) => ({ reportId: w.reporting.submittedReport.id, decision: 'request_changes', comment: 'Please add the figures for Kenya.' }),
    who: ADMIN,
    fuzzAs: 'admin',
  },

  // lib/actions/reviews.ts
  declareConflictAction: { input: (w) => ({ assignmentId: w.assignment.id, conflict: false, reason: '' }), who: ASSIGNED_REVIEWER, fuzzAs: 'reviewer' },
  saveReviewDraftAction: {
    input: (w) => ({ assignmentId: w.assignment.id, version: 0, overallComment: 'Promising.', recommendation: null, scores: [] }),
    who: ASSIGNED_REVIEWER,
    fuzzAs: 'reviewer',
  },
  submitReviewAction: {
    input: (w) => ({
      assignmentId: w.assignment.id,
      version: 0,
      overallComment: 'A strong team.',
      recommendation: 'recommend',
      scores: w.review.criteria.map((c) => ({ criterionId: c.id, score: 4, comment: '' })),
    }),
    who: ASSIGNED_REVIEWER,
    fuzzAs: 'reviewer',
  },
  reopenReviewAction: { input: (w) => ({ reviewId: w.submittedReview.id }), who: ADMIN, fuzzAs: 'admin' },

  // lib/actions/screening.ts
  screenApplicationAction: { input: (w) => ({ applicationId: w.reviewedA.id, eligibility: 'eligible', reason: '' }), who: ADMIN, fuzzAs: 'admin' },

  // lib/actions/selection.ts
  recordDecisionsAction: {
    input: (w) => ({
      callId: w.review.call.id,
      decisions: [{ applicationId: w.reviewedA.id, outcome: 'reserve', awardedAmount: null, rationale: 'Strong, second in line.', shareComments: false }],
    }),
    who: ADMIN,
    fuzzAs: 'admin',
  },
  suggestSlateAction: { input: (w) => ({ callId: w.review.call.id, scoreKind: 'raw', minPerCountry: 0 }), who: ADMIN, fuzzAs: 'admin' },
  publishResultsAction: { input: (w) => ({ callId: w.review.call.id }), who: ADMIN, fuzzAs: 'admin' },

  // lib/actions/awards.ts
  respondToAwardAction: { input: (w) => ({ awardId: w.awardA.id, response: 'decline', reason: 'We cannot run it this year.' }), who: ORGANISATION_A, fuzzAs: 'applicantA' },
  lapseAwardAction: { input: (w) => ({ awardId: w.awardA.id }), who: ADMIN, fuzzAs: 'admin' },
  offerToReserveAction: {
    input: (w) => ({ awardId: w.declinedB.id, amount: 5_000, conditions: '', respondBy: '2099-01-01T17:00' }),
    who: ADMIN,
    fuzzAs: 'admin',
  },

  // lib/actions/users.ts
  inviteUserAction: { input: () => ({ email: uniqueEmail('staff'), roles: ['reviewer'] }), who: ADMIN, fuzzAs: 'admin' },
  setUserRolesAction: { input: (w) => ({ userId: w.bystander.id, roles: ['applicant'] }), who: ADMIN, fuzzAs: 'admin' },
  setUserDisabledAction: { input: (w) => ({ userId: w.bystander.id, disabled: false }), who: ADMIN, fuzzAs: 'admin' },
};
