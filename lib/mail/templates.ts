import { countryName } from '@/lib/reference/countries';
import type { Role } from '@/db/schema/auth';
import type { Outcome } from '@/db/schema/selection';
import { appUrl } from '@/lib/app-url';
import { defaultLocale, directionOf, locales, type Locale } from '@/lib/i18n/config';
import { dateTimeFormatter, instantFormat, joinList, labelled, numberFormatter } from '@/lib/i18n/formats';
import { translator } from '@/lib/i18n/translate';
import { renderHtml, renderText, type MailContent } from './layout';

type When = { at: Date; timeZone: string };

/** The data each message needs. Adding a message means adding it here and to the "mail" catalog. */
export type MailTemplates = {
  emailVerification: { name: string | null; link: string; expiresAt: Date };
  passwordReset: { link: string; expiresAt: Date };
  /** Someone tried to sign up with an address that already has an account (sign-up answers the same either way). */
  accountExists: { signInLink: string; resetLink: string };
  invitation: { inviterName: string; roles: Role[]; link: string; expiresAt: Date };
  organisationInvitation: { inviterName: string; organisation: string; link: string; expiresAt: Date };
  submissionReceipt: {
    organisation: string;
    callTitle: string;
    reference: string;
    projectTitle: string;
    submittedAt: Date;
    closes: When;
    requestedAmount: number | null;
    currency: string;
    countries: string[];
    link: string;
  };
  withdrawal: { organisation: string; callTitle: string; reference: string; withdrawnAt: Date; closes: When; link: string };
  clarificationAnswer: { callTitle: string; question: string; answer: string; link: string };
  reviewAssignment: { callTitle: string; count: number; deadline: When | null; link: string };
  reviewReminder: { callTitle: string; pending: number; deadline: When; daysLeft: number; link: string };
  conflictDeclared: { reviewerName: string; reference: string; callTitle: string; reason: string; link: string };
  draftReminder: { callTitle: string; organisation: string; closes: When; daysLeft: number; link: string };
  reportSubmitted: { callTitle: string; organisation: string; period: string; peopleReached: number; link: string };
  reportAccepted: { callTitle: string; organisation: string; period: string; comment: string | null; link: string };
  reportChangesRequested: { callTitle: string; organisation: string; period: string; comment: string; link: string };
  reportReminder: { callTitle: string; organisation: string; period: string; due: When; daysLeft: number; link: string };
  reportOverdue: { callTitle: string; organisation: string; period: string; due: When; link: string };
  /** A document of the organisation's library expires soon (30 and 7 days before); `expiresOn` is YYYY-MM-DD. */
  documentExpiry: { organisation: string; fileName: string; expiresOn: string; daysLeft: number; link: string };
  outcome: {
    outcome: Outcome;
    callTitle: string;
    organisation: string;
    reference: string;
    projectTitle: string;
    awardedAmount: number | null;
    currency: string;
    /** Per criterion: the application's average and the cohort's, on the criterion's scale. */
    feedback: { criterion: string; yours: number | null; cohort: number | null; scaleMax: number }[];
    /** The panel's comments, when the admins chose to share them. */
    comments: string[];
    /** Set when the application was screened out: why (no feedback then, it was not reviewed). */
    ineligibleReason?: string | null;
    /** The award offer made at publication (selected applications): its deadline and where to answer. */
    award?: { respondBy: When; link: string } | null;
    link: string;
  };
  /** An award offered to a reserve application (issue 16). */
  awardOffer: {
    callTitle: string;
    organisation: string;
    reference: string;
    projectTitle: string;
    amount: number;
    currency: string;
    conditions: string;
    respondBy: When;
    link: string;
  };
  /** To the admins: an organisation accepted or declined its award. */
  awardAnswered: AwardAnswer;
  /** To the organisation's members: their answer is recorded. */
  awardAnswerConfirmation: AwardAnswer;
};
type AwardAnswer = {
  accepted: boolean;
  callTitle: string;
  organisation: string;
  reference: string;
  projectTitle: string;
  amount: number;
  currency: string;
  reason: string | null;
  link: string;
};
export type MailTemplateName = keyof MailTemplates;

type T = ReturnType<typeof translator<'mail'>>;
type Built = Omit<MailContent, 'footer' | 'dir' | 'lang'>;

function when(value: When | Date, locale: Locale): string {
  const { at, timeZone } = value instanceof Date ? { at: value, timeZone: 'UTC' } : value;
  return dateTimeFormatter(locale, instantFormat(timeZone) as Intl.DateTimeFormatOptions).format(at);
}

function money(amount: number, currency: string, locale: Locale) {
  return numberFormatter(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

function countryNames(codes: string[], locale: Locale) {
  return joinList(codes.map((c) => countryName(c, locale)), locale);
}

function one(n: number | null, locale: Locale) {
  return n === null ? '—' : numberFormatter(locale, { maximumFractionDigits: 1 }).format(n);
}

const builders: { [N in MailTemplateName]: (data: MailTemplates[N], t: T, locale: Locale) => Built } = {
  emailVerification: (d, t, locale) => ({
    subject: t('emailVerification.subject'),
    greeting: d.name ? t('greetingName', { name: d.name }) : t('greeting'),
    paragraphs: [t('emailVerification.body'), t('expires', { expiresAt: when(d.expiresAt, locale) }), t('emailVerification.ignore')],
    action: { label: t('emailVerification.action'), url: d.link },
    actionHint: t('linkHint'),
  }),
  passwordReset: (d, t, locale) => ({
    subject: t('passwordReset.subject'),
    greeting: t('greeting'),
    paragraphs: [t('passwordReset.body'), t('expires', { expiresAt: when(d.expiresAt, locale) }), t('passwordReset.ignore')],
    action: { label: t('passwordReset.action'), url: d.link },
    actionHint: t('linkHint'),
  }),
  accountExists: (d, t) => ({
    subject: t('accountExists.subject'),
    greeting: t('greeting'),
    paragraphs: [t('accountExists.body'), t('accountExists.reset', { link: d.resetLink }), t('accountExists.ignore')],
    action: { label: t('accountExists.action'), url: d.signInLink },
    actionHint: t('linkHint'),
  }),
  invitation: (d, t, locale) => {
    const roleNames = translator(locale, 'roles');
    return {
      subject: t('invitation.subject'),
      greeting: t('greeting'),
      paragraphs: [
        t('invitation.body', { inviter: d.inviterName, roles: joinList(d.roles.map((r) => roleNames(r)), locale) }),
        t('expires', { expiresAt: when(d.expiresAt, locale) }),
      ],
      action: { label: t('invitation.action'), url: d.link },
      actionHint: t('linkHint'),
    };
  },
  organisationInvitation: (d, t, locale) => ({
    subject: t('organisationInvitation.subject', { organisation: d.organisation }),
    greeting: t('greeting'),
    paragraphs: [
      t('organisationInvitation.body', { inviter: d.inviterName, organisation: d.organisation }),
      t('expires', { expiresAt: when(d.expiresAt, locale) }),
    ],
    action: { label: t('organisationInvitation.action'), url: d.link },
    actionHint: t('linkHint'),
  }),
  submissionReceipt: (d, t, locale) => ({
    subject: t('submissionReceipt.subject', { reference: d.reference }),
    greeting: t('greeting'),
    paragraphs: [
      t('submissionReceipt.body', { organisation: d.organisation, callTitle: d.callTitle }),
      t('submissionReceipt.untilClose', { closesAt: when(d.closes, locale) }),
    ],
    details: [
      [t('labels.reference'), d.reference],
      [t('labels.project'), d.projectTitle],
      [t('labels.countries'), countryNames(d.countries, locale)],
      ...(d.requestedAmount !== null ? ([[t('labels.requested'), money(d.requestedAmount, d.currency, locale)]] as [string, string][]) : []),
      [t('labels.submittedAt'), when({ at: d.submittedAt, timeZone: d.closes.timeZone }, locale)],
    ],
    action: { label: t('submissionReceipt.action'), url: d.link },
  }),
  withdrawal: (d, t, locale) => ({
    subject: t('withdrawal.subject', { reference: d.reference }),
    greeting: t('greeting'),
    paragraphs: [
      t('withdrawal.body', { organisation: d.organisation, callTitle: d.callTitle, reference: d.reference }),
      t('withdrawal.resubmit', { closesAt: when(d.closes, locale) }),
    ],
    action: { label: t('withdrawal.action'), url: d.link },
  }),
  clarificationAnswer: (d, t, locale) => ({
    subject: t('clarificationAnswer.subject', { callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [t('clarificationAnswer.body', { callTitle: d.callTitle }), labelled(t('labels.question'), d.question, locale), labelled(t('labels.answer'), d.answer, locale)],
    action: { label: t('clarificationAnswer.action'), url: d.link },
  }),
  reviewAssignment: (d, t, locale) => ({
    subject: t('reviewAssignment.subject', { callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [
      t('reviewAssignment.body', { count: d.count, callTitle: d.callTitle }),
      d.deadline ? t('reviewAssignment.deadline', { deadline: when(d.deadline, locale) }) : t('reviewAssignment.noDeadline'),
      t('reviewAssignment.conflicts'),
    ],
    action: { label: t('reviewAssignment.action'), url: d.link },
  }),
  reviewReminder: (d, t, locale) => ({
    subject: t('reviewReminder.subject', { daysLeft: d.daysLeft, callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [t('reviewReminder.body', { pending: d.pending, callTitle: d.callTitle, deadline: when(d.deadline, locale) })],
    action: { label: t('reviewReminder.action'), url: d.link },
  }),
  conflictDeclared: (d, t, locale) => ({
    subject: t('conflictDeclared.subject', { reference: d.reference }),
    greeting: t('greeting'),
    paragraphs: [
      t('conflictDeclared.body', { reviewer: d.reviewerName, reference: d.reference, callTitle: d.callTitle }),
      labelled(t('labels.reason'), d.reason, locale),
      t('conflictDeclared.next'),
    ],
    action: { label: t('conflictDeclared.action'), url: d.link },
  }),
  draftReminder: (d, t, locale) => ({
    subject: t('draftReminder.subject', { daysLeft: d.daysLeft, callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [t('draftReminder.body', { organisation: d.organisation, callTitle: d.callTitle, closesAt: when(d.closes, locale) })],
    action: { label: t('draftReminder.action'), url: d.link },
  }),
  reportSubmitted: (d, t, locale) => ({
    subject: t('reportSubmitted.subject', { period: d.period }),
    greeting: t('greeting'),
    paragraphs: [
      t('reportSubmitted.body', { organisation: d.organisation, period: d.period, callTitle: d.callTitle }),
      t('reportSubmitted.people', { people: numberFormatter(locale).format(d.peopleReached) }),
    ],
    action: { label: t('reportSubmitted.action'), url: d.link },
  }),
  reportAccepted: (d, t, locale) => ({
    subject: t('reportAccepted.subject', { period: d.period }),
    greeting: t('greeting'),
    paragraphs: [
      t('reportAccepted.body', { organisation: d.organisation, period: d.period, callTitle: d.callTitle }),
      ...(d.comment ? [labelled(t('labels.comment'), d.comment, locale)] : []),
    ],
    action: { label: t('reportAccepted.action'), url: d.link },
  }),
  reportChangesRequested: (d, t, locale) => ({
    subject: t('reportChangesRequested.subject', { period: d.period }),
    greeting: t('greeting'),
    paragraphs: [
      t('reportChangesRequested.body', { organisation: d.organisation, period: d.period, callTitle: d.callTitle }),
      labelled(t('labels.comment'), d.comment, locale),
    ],
    action: { label: t('reportChangesRequested.action'), url: d.link },
  }),
  reportReminder: (d, t, locale) => ({
    subject: t('reportReminder.subject', { daysLeft: d.daysLeft, period: d.period }),
    greeting: t('greeting'),
    paragraphs: [t('reportReminder.body', { organisation: d.organisation, period: d.period, callTitle: d.callTitle, dueAt: when(d.due, locale) })],
    action: { label: t('reportReminder.action'), url: d.link },
  }),
  reportOverdue: (d, t, locale) => ({
    subject: t('reportOverdue.subject', { period: d.period }),
    greeting: t('greeting'),
    paragraphs: [t('reportOverdue.body', { organisation: d.organisation, period: d.period, callTitle: d.callTitle, dueAt: when(d.due, locale) })],
    action: { label: t('reportOverdue.action'), url: d.link },
  }),
  documentExpiry: (d, t, locale) => ({
    subject: t('documentExpiry.subject', { daysLeft: d.daysLeft, fileName: d.fileName }),
    greeting: t('greeting'),
    paragraphs: [
      t('documentExpiry.body', {
        organisation: d.organisation,
        fileName: d.fileName,
        expiresOn: dateTimeFormatter(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d.expiresOn}T12:00:00Z`)),
      }),
    ],
    action: { label: t('documentExpiry.action'), url: d.link },
  }),
  outcome: (d, t, locale) => {
    const feedback: [string, string][] = d.feedback.map((f) => [
      f.criterion,
      t('outcome.feedbackLine', { yours: one(f.yours, locale), cohort: one(f.cohort, locale), max: f.scaleMax }),
    ]);
    return {
      subject: t(`outcome.${d.outcome}.subject`, { callTitle: d.callTitle }),
      greeting: t('greeting'),
      paragraphs: [
        t(`outcome.${d.outcome}.body`, {
          organisation: d.organisation,
          callTitle: d.callTitle,
          projectTitle: d.projectTitle,
          amount: d.awardedAmount !== null ? money(d.awardedAmount, d.currency, locale) : 'none',
        }),
        ...(d.ineligibleReason ? [t('outcome.ineligible', { reason: d.ineligibleReason })] : []),
        ...(d.award ? [t('outcome.award', { respondBy: when(d.award.respondBy, locale), link: d.award.link })] : []),
      ],
      details: [
        [t('labels.reference'), d.reference],
        [t('labels.project'), d.projectTitle],
      ],
      sections: [
        ...(feedback.length ? [{ heading: t('outcome.feedbackIntro'), details: feedback }] : []),
        ...(d.comments.length ? [{ heading: t('labels.panelComments'), paragraphs: d.comments }] : []),
      ],
      action: { label: t('outcome.action'), url: d.link },
    };
  },
  awardOffer: (d, t, locale) => ({
    subject: t('awardOffer.subject', { callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [
      t('awardOffer.body', { organisation: d.organisation, callTitle: d.callTitle, projectTitle: d.projectTitle, amount: money(d.amount, d.currency, locale) }),
      t('awardOffer.deadline', { respondBy: when(d.respondBy, locale) }),
    ],
    details: [
      [t('labels.reference'), d.reference],
      [t('labels.project'), d.projectTitle],
      [t('labels.conditions'), d.conditions || t('awardOffer.standardConditions')],
    ],
    action: { label: t('awardOffer.action'), url: d.link },
  }),
  awardAnswered: (d, t, locale) => ({
    subject: t(d.accepted ? 'awardAnswered.acceptedSubject' : 'awardAnswered.declinedSubject', { organisation: d.organisation, reference: d.reference }),
    greeting: t('greeting'),
    paragraphs: [
      t(d.accepted ? 'awardAnswered.accepted' : 'awardAnswered.declined', { organisation: d.organisation, callTitle: d.callTitle, amount: money(d.amount, d.currency, locale) }),
      ...(d.reason ? [labelled(t('labels.reason'), d.reason, locale)] : []),
      ...(d.accepted ? [] : [t('awardAnswered.next')]),
    ],
    details: [
      [t('labels.reference'), d.reference],
      [t('labels.project'), d.projectTitle],
    ],
    action: { label: t('awardAnswered.action'), url: d.link },
  }),
  awardAnswerConfirmation: (d, t, locale) => ({
    subject: t(d.accepted ? 'awardAnswerConfirmation.acceptedSubject' : 'awardAnswerConfirmation.declinedSubject', { callTitle: d.callTitle }),
    greeting: t('greeting'),
    paragraphs: [
      t(d.accepted ? 'awardAnswerConfirmation.accepted' : 'awardAnswerConfirmation.declined', { organisation: d.organisation, callTitle: d.callTitle, amount: money(d.amount, d.currency, locale) }),
      ...(d.reason ? [labelled(t('labels.reason'), d.reason, locale)] : []),
    ],
    details: [
      [t('labels.reference'), d.reference],
      [t('labels.project'), d.projectTitle],
    ],
    action: { label: t('awardAnswerConfirmation.action'), url: d.link },
  }),
};

export type RenderedMail = { subject: string; text: string; html: string };

/** A link to the app, into the pages of the recipient's language (English pages have no prefix). */
export function linkIn(link: string, locale: Locale): string {
  const url = new URL(link);
  if (locale === defaultLocale || url.origin !== new URL(appUrl('/')).origin) return link;
  if (locales.some((l) => url.pathname === `/${l}` || url.pathname.startsWith(`/${l}/`))) return link;
  url.pathname = `/${locale}${url.pathname === '/' ? '' : url.pathname}`;
  return url.toString();
}

/** Every link of a message's data (`link`, `signInLink`…) into the recipient's language. */
function linksIn<D extends object>(data: D, locale: Locale): D {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, (key === 'link' || key.endsWith('Link')) && typeof value === 'string' ? linkIn(value, locale) : value]),
  ) as D;
}

/** What a message says, in the recipient's language: the input of the layout's HTML and plain text. */
export function mailContent<N extends MailTemplateName>(name: N, data: MailTemplates[N], locale: Locale): MailContent {
  const t = translator(locale, 'mail');
  return {
    ...builders[name](linksIn(data, locale), t, locale),
    footer: t('footer'),
    dir: directionOf(locale),
    lang: locale,
  };
}

export function renderMail<N extends MailTemplateName>(name: N, data: MailTemplates[N], locale: Locale): RenderedMail {
  const content = mailContent(name, data, locale);
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}

/** Every kind of message, e.g. for the outbox filter. */
export const mailTemplateNames = Object.keys(builders) as MailTemplateName[];
