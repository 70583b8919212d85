import { describe, expect, it } from 'vitest';
import { appUrl } from '@/lib/app-url';
import { linkIn, mailTemplateNames, renderMail, type MailTemplateName, type MailTemplates } from './templates';

const at = new Date('2027-03-15T16:00:00Z');
const closes = { at, timeZone: 'Africa/Harare' };
const link = 'https://eoi.example.org/x?a=1&b=2';

const samples: { [N in MailTemplateName]: MailTemplates[N] } = {
  emailVerification: { name: 'Amina', link, expiresAt: at },
  passwordReset: { link, expiresAt: at },
  accountExists: { signInLink: link, resetLink: 'https://eoi.example.org/forgot-password' },
  invitation: { inviterName: 'Call Manager', roles: ['reviewer', 'admin'], link, expiresAt: at },
  organisationInvitation: { inviterName: 'Amina', organisation: 'Genesis Entrepreneurship Trust', link, expiresAt: at },
  submissionReceipt: {
    organisation: 'Citizens Initiative',
    callTitle: 'Climate 2027',
    reference: 'EOI-2027-0007',
    projectTitle: 'Rural <b>vaccination</b>',
    submittedAt: at,
    closes,
    requestedAmount: null,
    currency: 'USD',
    countries: ['ZW'],
    link,
  },
  withdrawal: { organisation: 'Citizens Initiative', callTitle: 'Climate 2027', reference: 'EOI-2027-0007', withdrawnAt: at, closes, link },
  clarificationAnswer: { callTitle: 'Climate 2027', question: 'Can two organisations apply together?', answer: 'Yes, as a consortium.', link },
  reviewAssignment: { callTitle: 'Climate 2027', count: 3, deadline: closes, link },
  reviewReminder: { callTitle: 'Climate 2027', pending: 1, deadline: closes, daysLeft: 3, link },
  conflictDeclared: { reviewerName: 'R. Eviewer', reference: 'EOI-2027-0007', callTitle: 'Climate 2027', reason: 'Former employer', link },
  draftReminder: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', closes, daysLeft: 1, link },
  reportSubmitted: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', period: 'Interim report', peopleReached: 12500, link },
  reportAccepted: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', period: 'Interim report', comment: null, link },
  reportChangesRequested: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', period: 'Interim report', comment: 'Split figures by country.', link },
  reportReminder: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', period: 'Interim report', due: closes, daysLeft: 7, link },
  reportOverdue: { callTitle: 'Climate 2027', organisation: 'Citizens Initiative', period: 'Interim report', due: closes, link },
  documentExpiry: { organisation: 'Citizens Initiative', fileName: 'registration.pdf', expiresOn: '2027-03-31', daysLeft: 30, link },
  outcome: {
    outcome: 'selected',
    callTitle: 'Climate 2027',
    organisation: 'Citizens Initiative',
    reference: 'EOI-2027-0007',
    projectTitle: 'Rural vaccination',
    awardedAmount: 120000,
    currency: 'USD',
    feedback: [{ criterion: 'Relevance', yours: 4.33, cohort: 3.1, scaleMax: 5 }],
    comments: ['Strong local partners.'],
    award: { respondBy: closes, link },
    link,
  },
  awardOffer: {
    callTitle: 'Climate 2027',
    organisation: 'Citizens Initiative',
    reference: 'EOI-2027-0008',
    projectTitle: 'School classrooms',
    amount: 80000,
    currency: 'USD',
    conditions: '',
    respondBy: closes,
    link,
  },
  awardAnswered: { accepted: false, callTitle: 'Climate 2027', organisation: 'Citizens Initiative', reference: 'EOI-2027-0007', projectTitle: 'Rural vaccination', amount: 120000, currency: 'USD', reason: 'Our team has left.', link },
  awardAnswerConfirmation: { accepted: true, callTitle: 'Climate 2027', organisation: 'Citizens Initiative', reference: 'EOI-2027-0007', projectTitle: 'Rural vaccination', amount: 120000, currency: 'USD', reason: null, link },
};

describe('mail templates', () => {
  it('every message has a subject, a plain-text part with the link, and an HTML part in the shared layout', () => {
    expect(mailTemplateNames.sort()).toEqual(Object.keys(samples).sort());
    for (const name of mailTemplateNames) {
      const mail = renderMail(name, samples[name] as never, 'en');
      expect(mail.subject, name).toMatch(/\S/);
      expect(mail.subject, name).not.toMatch(/[{}]/);
      expect(mail.text, name).toContain(link);
      expect(mail.text, name).not.toMatch(/[{}]/);
      expect(mail.html, name).toContain('<html lang="en" dir="ltr">');
      expect(mail.html, name).toContain('href="https://eoi.example.org/x?a=1&amp;b=2"');
      expect(mail.html, name).toContain('Replies are not read.');
    }
  });

  it('data is escaped in HTML and kept as written in the text', () => {
    const mail = renderMail('submissionReceipt', samples.submissionReceipt, 'en');
    expect(mail.html).toContain('Rural &lt;b&gt;vaccination&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>vaccination');
    expect(mail.text).toContain('Project: Rural <b>vaccination</b>');
    // No amount requested: no amount line.
    expect(mail.text).not.toContain('Amount requested');
    // Dates in the call's time zone (Harare).
    expect(mail.text).toContain('GMT+2');
  });

  it('outcome letters: the award when there is one, then the feedback per criterion and the panel comments', () => {
    const selected = renderMail('outcome', samples.outcome, 'en');
    expect(selected.subject).toBe('Selected: Climate 2027');
    expect(selected.text).toContain('with an award of $120,000.');
    const feedback = selected.text.indexOf('How the panel scored');
    expect(feedback).toBeGreaterThan(selected.text.indexOf('Reference: EOI-2027-0007'));
    expect(selected.text).toContain('Relevance: 4.3 (average of all: 3.1) out of 5');
    expect(selected.text.indexOf('Comments from the panel')).toBeGreaterThan(feedback);
    expect(selected.html).toContain('<h2 style="font-size:16px;margin:24px 0 8px">Comments from the panel</h2>');

    const noAmount = renderMail('outcome', { ...samples.outcome, awardedAmount: null }, 'en');
    expect(noAmount.text).toContain('has been selected in the call “Climate 2027”. We will contact you');
    const notSelected = renderMail('outcome', { ...samples.outcome, outcome: 'not_selected', awardedAmount: null, feedback: [], comments: [] }, 'en');
    expect(notSelected.subject).toBe('Outcome of your application: Climate 2027');
    expect(notSelected.text).not.toContain('How the panel scored');
    const reserve = renderMail('outcome', { ...samples.outcome, outcome: 'reserve', awardedAmount: null }, 'en');
    expect(reserve.text).toContain('reserve list');
  });

  it.each(['fr', 'ar'] as const)('every message is written in %s: nothing left in English, the document in its direction', (locale) => {
    for (const name of mailTemplateNames) {
      const mail = renderMail(name, samples[name] as never, locale);
      const english = renderMail(name, samples[name] as never, 'en');
      expect(mail.subject, name).not.toBe(english.subject);
      expect(mail.subject, name).not.toMatch(/[{}]/);
      expect(mail.text, name).not.toMatch(/[{}]/);
      expect(mail.text, name).toContain(link);
      expect(mail.text, name).not.toMatch(/\b(the|your|has been|Reference)\b/);
      expect(mail.html, name).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
    }
  });

  it('French: figures, dates and labels as French writes them', () => {
    const selected = renderMail('outcome', samples.outcome, 'fr');
    expect(selected.subject).toBe('Candidature retenue : Climate 2027'.replace(' :', '\u00a0:'));
    expect(selected.text).toContain('avec un financement de 120\u202f000\u00a0$US.');
    expect(selected.text).toContain('Référence\u00a0: EOI-2027-0007');
    expect(selected.text).toContain('Relevance\u00a0: 4,3 (moyenne de l’ensemble\u00a0: 3,1) sur 5');
    const receipt = renderMail('submissionReceipt', samples.submissionReceipt, 'fr');
    expect(receipt.text).toContain('15 mars 2027 à 18:00 UTC+2');
    const reminder = renderMail('reviewReminder', { ...samples.reviewReminder, daysLeft: 1, pending: 2 }, 'fr');
    expect(reminder.subject).toBe('Plus qu’un jour pour évaluer\u00a0: Climate 2027');
    expect(reminder.text).toContain('2 évaluations de l’appel «\u00a0Climate 2027\u00a0» attendent encore vos notes.');
  });

  it('Arabic: right to left, Arabic plurals, country names and lists in Arabic', () => {
    const receipt = renderMail('submissionReceipt', { ...samples.submissionReceipt, countries: ['ZW', 'LB'] }, 'ar');
    expect(receipt.subject).toBe('إشعار استلام: قُدِّم الطلب EOI-2027-0007');
    expect(receipt.text).toContain('البلدان: زيمبابوي، لبنان');
    expect(receipt.html).toContain('text-align:right');
    const days = (daysLeft: number) => renderMail('draftReminder', { ...samples.draftReminder, daysLeft }, 'ar').subject;
    expect(days(1)).toMatch(/^يتبقى يوم واحد: /);
    expect(days(2)).toMatch(/^يتبقى يومان: /);
    expect(days(3)).toMatch(/^تتبقى 3 أيام: /);
    const assignment = (count: number) => renderMail('reviewAssignment', { ...samples.reviewAssignment, count }, 'ar').text;
    expect(assignment(11)).toContain('أُسند إليك 11 طلبًا من طلبات الدعوة «Climate 2027».');
    const invitation = renderMail('invitation', samples.invitation, 'ar');
    expect(invitation.text).toContain('بصفة مقيِّم، مسؤول.');
  });

  it('links into the app lead to the pages of the recipient’s language', () => {
    const link = appUrl('/applications/abc?step=review');
    expect(linkIn(link, 'en')).toBe(link);
    expect(new URL(linkIn(link, 'ar')).pathname).toBe('/ar/applications/abc');
    expect(new URL(linkIn(link, 'ar')).search).toBe('?step=review');
    expect(linkIn(linkIn(link, 'fr'), 'fr')).toBe(linkIn(link, 'fr'));
    expect(linkIn('https://elsewhere.example/x', 'fr')).toBe('https://elsewhere.example/x');
    const mail = renderMail('withdrawal', { ...samples.withdrawal, link }, 'fr');
    expect(mail.text).toContain(`${new URL(link).origin}/fr/applications/abc?step=review`);
  });
});
