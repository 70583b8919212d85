import type { Page } from '@playwright/test';
import { answerConfirmation, expect, signUpApplicant, test, uniqueEmail } from './support/fixtures';
import { screen, words } from './support/messages';
import { firstAppLink, readLatestMail } from './support/outbox';
import { SignInPage } from './support/pages';

const OPEN_CALL = 'diaspora-climate-resilience-2027';
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

async function expectDirection(page: Page, lang: string, dir: 'ltr' | 'rtl') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

test('[applicant, Arabic] signs up, creates the organisation, applies and submits, all in Arabic, right to left', async ({ page, adminPage }) => {
  test.setTimeout(180_000);
  const ar = words('ar');
  const email = uniqueEmail('arabic');

  // The home page in Arabic, laid out right to left.
  await page.goto('/ar');
  await expectDirection(page, 'ar', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('home.title'));
  await page.screenshot({ path: screen('ar-01-home'), fullPage: true });

  // Sign up from the Arabic page: the account keeps Arabic.
  await page.getByRole('link', { name: ar('nav.signUp') }).first().click();
  await expect(page).toHaveURL(/\/ar\/sign-up$/);
  await page.getByLabel(ar('auth.name')).fill('عائشة النجار');
  await page.getByLabel(ar('auth.email')).fill(email);
  await page.getByLabel(ar('auth.newPassword')).fill('كلمة مرور طويلة بما يكفي');
  await page.screenshot({ path: screen('ar-02-sign-up'), fullPage: true });
  await page.getByRole('button', { name: ar('auth.signUp') }).click();
  // Signing up does not sign in (the answer is the same for a taken address): sign in, in Arabic.
  await expect(page.getByRole('heading', { name: ar('auth.signUpDoneTitle') })).toBeVisible();
  await page.getByRole('link', { name: ar('nav.signIn') }).last().click();
  await expect(page).toHaveURL(/\/ar\/sign-in/);
  await page.getByLabel(ar('auth.email')).fill(email);
  await page.getByLabel(ar('auth.password')).fill('كلمة مرور طويلة بما يكفي');
  await page.getByRole('button', { name: ar('auth.signIn') }).click();
  await expect(page).toHaveURL(/\/ar\/dashboard$/);
  await expectDirection(page, 'ar', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar('dashboard.title'));

  // The open call, published in Arabic: its own words, not a fallback.
  await page.goto(`/ar/calls/${OPEN_CALL}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('شراكات المغتربين من أجل الصمود في مواجهة تغيّر المناخ 2027');
  await expect(page.getByText('الصلة بالمخاطر المناخية')).toBeVisible();
  await expect(page.getByText('هل يمكن لمنظمتين التقدّم بطلب مشترك؟')).toBeVisible();
  await expect(page.getByTestId('language-fallback')).toHaveCount(0);
  await expect(page.getByTestId('application-languages')).toHaveText('الإنجليزية، الفرنسية، العربية');
  await page.screenshot({ path: screen('ar-03-call'), fullPage: true });

  // Applying leads through creating the organisation.
  await page.getByRole('link', { name: ar('call.apply') }).click();
  await expect(page.getByText(ar('apply.noOrganisation'))).toBeVisible();
  await page.getByRole('link', { name: ar('apply.createOrganisation') }).click();
  await page.getByLabel(ar('organisation.legalName')).fill('جمعية المغتربين من أجل المناخ');
  await page.getByLabel(ar('organisation.countryOfRegistration')).selectOption('FR');
  await page.getByLabel(ar('organisation.heritageCountries')).selectOption('SN');
  await page.screenshot({ path: screen('ar-04-organisation'), fullPage: true });
  await page.getByRole('button', { name: ar('organisation.createOrganisation') }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/calls/${OPEN_CALL}/apply$`));
  await page.getByRole('button', { name: ar('apply.start') }).click();
  await expect(page).toHaveURL(/\/ar\/applications\/[0-9a-f-]{36}\/edit/);

  const step = (n: number, key: string) => ar('application.stepHeading', { n, total: 8, step: ar(`application.steps.${key}`) });
  const next = async (n: number, key: string) => {
    await page.getByRole('button', { name: ar('application.saveAndContinue') }).click();
    await expect(page.getByRole('heading', { name: step(n, key) })).toBeVisible();
  };

  // 1. The project.
  await expect(page.getByRole('heading', { name: step(1, 'project') })).toBeVisible();
  await page.getByLabel(ar('application.fields.title')).fill('إنذار مبكر بالفيضانات لأسر الصيادين في سان لويس');
  await page.getByLabel('السنغال').check();
  await page.getByLabel(ar('themes.climate')).check();
  await page.getByLabel(ar('application.fields.summary')).fill('رسائل قصيرة وإذاعة مجتمعية تنبّه الأسر قبل وصول الفيضانات.');
  await page.getByLabel(ar('application.fields.objectives')).fill('تقليل القوارب والمنازل التي تضيع بسبب الفيضانات.');
  await page.getByLabel(ar('application.fields.activities')).fill('تركيب مقاييس للنهر وتدريب المتطوعين وإجراء تمارين إنذار.');
  await page.screenshot({ path: screen('ar-05-form-project'), fullPage: true });
  await next(2, 'reach');

  // 2. Reach.
  await page.getByLabel(ar('application.fields.targetPopulation')).fill('أسر الصيادين في غيت ندار.');
  await page.getByLabel(ar('application.fields.peopleToReach')).fill('5000');
  await next(3, 'partners');
  // 3. Partners are optional.
  await next(4, 'risks');

  // 4. Risks.
  await page.getByRole('button', { name: ar('application.addRisk') }).click();
  await page.getByLabel(new RegExp(`^${ar('application.riskLabel', { n: 1 })}`)).fill('انقطاع الكهرباء أثناء العواصف.');
  await page.getByLabel(ar('application.mitigationLabel', { n: 1 })).fill('مقاييس تعمل بالطاقة الشمسية مع بطاريات.');
  await next(5, 'budget');

  // 5. Budget: the lines add up to the amount.
  await page.getByLabel(ar('application.fields.durationMonths')).fill('9');
  await page.getByLabel(ar('application.fields.requestedAmountIn', { currency: 'USD' })).fill('60000');
  await page.getByRole('button', { name: ar('application.addLine') }).click();
  await page.getByLabel(ar('application.lineLabel', { n: 1 })).fill('المقاييس وأجهزة الراديو');
  await page.getByLabel(ar('application.lineAmount', { n: 1 })).fill('60000');
  await page.screenshot({ path: screen('ar-06-form-budget'), fullPage: true });
  await next(6, 'declarations');

  // 6. The call's declarations, in Arabic.
  for (const statement of ['أسّس منظمتَنا أفرادٌ من المغتربين', 'منظمتنا مسجّلة قانونيًا', 'لدينا سياسة للحماية من الاستغلال']) {
    await page.getByRole('group', { name: new RegExp(statement) }).getByLabel(ar('application.yes')).check();
  }
  await page.getByRole('group', { name: /سبق لنا العمل مع المنظمة الدولية للهجرة/ }).getByLabel(ar('application.no')).check();
  await page.screenshot({ path: screen('ar-07-form-declarations'), fullPage: true });
  await next(7, 'documents');

  // 7. Documents, named in Arabic.
  await page.getByLabel(ar('application.uploadFile', { slot: 'مقترح المشروع' })).setInputFiles(pdf('proposal.pdf'));
  await expect(page.getByRole('link', { name: 'proposal.pdf' })).toBeVisible();
  await page.getByLabel(ar('application.uploadFile', { slot: 'الميزانية المفصّلة' })).setInputFiles(pdf('budget.pdf'));
  await expect(page.getByRole('link', { name: 'budget.pdf' })).toBeVisible();
  await page.screenshot({ path: screen('ar-08-form-documents'), fullPage: true });
  await next(8, 'review');

  // 8. Review and submit.
  await expect(page.getByText(ar('application.readyToSubmit'))).toBeVisible();
  await page.screenshot({ path: screen('ar-09-form-review'), fullPage: true });
  await page.getByRole('button', { name: ar('application.submit') }).click();
  await expect(page).toHaveURL(/\/ar\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const reference = (await page.getByTestId('reference').textContent())!.trim();
  expect(reference).toMatch(/^EOI-\d{4}-\d{4,}$/);
  await expect(page.getByTestId('submitted-banner')).toContainText(reference);
  await expectDirection(page, 'ar', 'rtl');
  await page.screenshot({ path: screen('ar-10-submitted'), fullPage: true });

  // The receipt is written in Arabic, right to left, and its link leads to the Arabic pages.
  const receipt = await readLatestMail(adminPage, email, `إشعار استلام: قُدِّم الطلب ${reference}`);
  expect(receipt).toContain('تلقّينا طلب جمعية المغتربين من أجل المناخ المقدَّم إلى الدعوة «شراكات المغتربين');
  expect(firstAppLink(receipt)).toMatch(/^\/ar\/applications\//);
});

test('[visitor] the switcher keeps the page; a call not published in a language says so and offers the others', async ({ page }) => {
  const fr = words('fr');
  await page.goto(`/calls/${OPEN_CALL}?from=test`);
  // The page comes from the cache, its language links without the query; the browser adds it.
  const french = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' });
  await expect(french).toHaveAttribute('href', `/fr/calls/${OPEN_CALL}?from=test`);
  await french.click();
  await expect(page).toHaveURL(new RegExp(`/fr/calls/${OPEN_CALL}\\?from=test$`));
  await expectDirection(page, 'fr', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partenariats avec la diaspora pour la résilience climatique 2027');
  await page.getByRole('navigation', { name: fr('nav.language') }).getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/calls/${OPEN_CALL}\\?from=test$`));
  await expectDirection(page, 'ar', 'rtl');

  // The 2022 call exists in English only: shown in English, marked as such, with a note.
  await page.goto('/ar/calls/diaspora-covid-recovery-2022');
  const note = page.getByTestId('language-fallback');
  await expect(note).toContainText('هذه الدعوة غير منشورة بالعربية، لذا تُعرض بلغتها الرئيسية، الإنجليزية.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'ltr');

  // Back to English: the remembered language follows, so the unprefixed address stays English.
  await page.getByRole('navigation', { name: words('ar')('nav.language') }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/calls\/diaspora-covid-recovery-2022$/);
  await expectDirection(page, 'en', 'ltr');
  await page.goto('/partners');
  await expectDirection(page, 'en', 'ltr');
});

test('[applicant] a language chosen with the switcher is kept on the account: mail and the next sign-in follow it', async ({ page, browser, adminPage }) => {
  const { email } = await signUpApplicant(page, 'Nour Haddad');
  // Clicked at once, before the header has caught up with the new session; the choice is
  // saved by a server action sent with the click (waited for: the navigation does not wait).
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/fr\/dashboard$/);
  expect((await saved).status()).toBe(200);

  // The account says French now: a password reset mailed to it is French, linking to French pages.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto('/forgot-password');
  await visitor.getByLabel('E-mail address').fill(email);
  await visitor.getByRole('button', { name: 'Send the link' }).click();
  await expect(visitor.getByText(/If an account uses/)).toBeVisible();
  const mail = await readLatestMail(adminPage, email, 'Réinitialisez votre mot de passe EOI Portal');
  expect(firstAppLink(mail)).toMatch(/^\/fr\/reset-password\//);

  // Signed in from a fresh browser at an address without a language, they land in French.
  await visitor.goto('/sign-in');
  await new SignInPage(visitor).signIn(email, 'a long enough password');
  await expect(visitor).toHaveURL(/\/fr\/dashboard$/);
  await visitor.goto('/organisation');
  await expect(visitor).toHaveURL(/\/fr\/organisation$/);
  await other.close();
});

test('[reviewer, French] an invitation in French; the reviewer declares, scores and submits in French', async ({ adminPage, browser }) => {
  test.setTimeout(150_000);
  const fr = words('fr');
  const email = uniqueEmail('00-relecteur');
  await adminPage.goto('/admin/users');
  const form = adminPage.getByRole('form', { name: 'Invite a reviewer or admin' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Name').fill('Claire Évaluatrice');
  await form.getByLabel('Language of their e-mails').selectOption('fr');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText(`Invitation queued for ${email}.`)).toBeVisible();
  const link = firstAppLink(await readLatestMail(adminPage, email, 'Invitation à rejoindre EOI Portal'));
  expect(link).toMatch(/^\/fr\/invitation\//);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expectDirection(page, 'fr', 'ltr');
  await page.getByLabel(fr('auth.newPassword')).fill('mot de passe assez long');
  await page.getByRole('button', { name: fr('auth.acceptInvitation') }).click();
  await expect(page).toHaveURL(/\/fr\/review$/);

  // The admin assigns them one application of the call in review.
  await adminPage.goto('/admin/calls/diaspora-health-workers-2026/assignments');
  const assign = adminPage.getByRole('button', { name: /^Assign Claire Évaluatrice to / }).first();
  const reference = (await assign.getAttribute('aria-label'))!.replace(/^Assign Claire Évaluatrice to /, '');
  await assign.click();
  await expect(adminPage.getByRole('button', { name: `Remove Claire Évaluatrice from ${reference}` })).toBeVisible();

  // The queue, the declaration, the score card and the confirmation, in French.
  await page.goto('/fr/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr('review.title'));
  await page.getByRole('link', { name: fr('review.declare', { reference }) }).click();
  await expect(page.getByRole('heading', { name: fr('review.declareTitle') })).toBeVisible();
  await page.screenshot({ path: screen('fr-01-declare'), fullPage: true });
  await page.getByLabel(fr('review.noConflict')).check();
  await page.getByRole('button', { name: fr('review.confirmDeclaration') }).click();
  await expect(page.getByRole('heading', { name: fr('review.scoreCard') })).toBeVisible();
  const scores = page.getByLabel(/^Note pour /);
  const count = await scores.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await scores.nth(i).selectOption('4');
  await page.getByLabel(fr('review.overallComment')).fill('Équipe solide, budget réaliste.');
  await page.getByLabel(fr('review.recommendations.recommend'), { exact: true }).check();
  await expect(page.getByTestId('save-state')).toContainText('Brouillon enregistré à');
  await page.screenshot({ path: screen('fr-02-score-card'), fullPage: true });
  await page.getByRole('button', { name: fr('review.submit') }).click();
  const dialog = page.getByRole('alertdialog', { name: fr('common.confirmTitle') });
  await expect(dialog).toContainText(fr('review.confirmSubmit'));
  await page.screenshot({ path: screen('fr-03-confirm'), fullPage: true });
  await answerConfirmation(page, fr('review.confirmSubmit'));
  await expect(page.getByText(/Soumise le .*Votre évaluation est verrouillée/)).toBeVisible();
  await page.screenshot({ path: screen('fr-04-submitted'), fullPage: true });
  await context.close();
});

test('[admin] publishes a call in English, French and Arabic; [visitor] reads it in Arabic', async ({ adminPage: page, browser }) => {
  test.setTimeout(120_000);
  const title = `Call for clean water ${Date.now().toString(36)}`;
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
  await page.goto('/admin/calls/new');
  const form = page.getByRole('form', { name: 'New call' });

  // The languages first: English is the main one; French and Arabic too, for the call and the applications.
  const published = form.getByRole('group', { name: 'Also published in' });
  await published.getByLabel('French').check();
  await published.getByLabel('Arabic').check();
  const accepted = form.getByRole('group', { name: 'Applications accepted in' });
  await accepted.getByLabel('French').check();
  await accepted.getByLabel('Arabic').check();

  await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await form.getByLabel(/^Title in French/).fill('Appel pour l’eau potable');
  await form.getByLabel(/^Title in Arabic/).fill('دعوة من أجل مياه الشرب');
  await expect(form.getByLabel(/^Title in Arabic/)).toHaveAttribute('dir', 'rtl');
  await form.getByRole('textbox', { name: 'Summary', exact: true }).fill('Diaspora organisations bring clean water to villages.');
  await form.getByLabel(/^Summary in French/).fill('Les organisations de la diaspora apportent l’eau potable aux villages.');
  await form.getByLabel(/^Summary in Arabic/).fill('تُوصل منظمات المغتربين مياه الشرب إلى القرى.');
  await form.getByLabel('Implementation countries').selectOption({ label: 'Tunisia' });
  await form.getByLabel('Water, sanitation and hygiene').check();
  await form.getByLabel('Maximum per project').fill('40000');
  await form.getByLabel("The call's time zone").selectOption('UTC');
  await form.getByLabel('Opens').fill(day(-1));
  await form.getByLabel('Closes').fill(day(30));

  await form.getByRole('button', { name: 'Add a criterion' }).click();
  const criterion = form.getByRole('listitem', { name: 'Criterion 1' });
  await criterion.getByRole('textbox', { name: 'Name', exact: true }).fill('Reach');
  await criterion.getByLabel(/^Name in French/).fill('Portée');
  await criterion.getByLabel(/^Name in Arabic/).fill('مدى الوصول');
  await criterion.getByLabel('Weight').fill('100');
  await form.getByRole('button', { name: 'Add a declaration' }).click();
  const declaration = form.getByRole('listitem', { name: 'Declaration 1' });
  await declaration.getByRole('textbox', { name: 'Statement', exact: true }).fill('We are registered in Tunisia.');
  await declaration.getByLabel(/^Statement in French/).fill('Nous sommes enregistrés en Tunisie.');
  await declaration.getByLabel(/^Statement in Arabic/).fill('نحن مسجَّلون في تونس.');
  await form.getByRole('button', { name: 'Add a document' }).click();
  const slot = form.getByRole('listitem', { name: 'Document 1' });
  await slot.getByRole('textbox', { name: 'Name', exact: true }).fill('Project proposal');
  await slot.getByLabel(/^Name in French/).fill('Proposition de projet');
  await slot.getByLabel(/^Name in Arabic/).fill('مقترح المشروع');
  await page.screenshot({ path: screen('admin-01-call-in-three-languages'), fullPage: true });
  await form.getByRole('button', { name: 'Create the call' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('button', { name: 'Open the call' }).click();
  await answerConfirmation(page, 'Open this call?');
  await expect(page.getByTestId('call-status')).toHaveText('Open');

  // A visitor reading Arabic finds it on the Arabic home page and reads it in Arabic, right to left.
  const context = await browser.newContext({ locale: 'ar-TN' });
  const visitor = await context.newPage();
  await visitor.goto('/');
  await expect(visitor).toHaveURL(/\/ar$/);
  await visitor.getByRole('link', { name: 'دعوة من أجل مياه الشرب' }).first().click();
  await expectDirection(visitor, 'ar', 'rtl');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('دعوة من أجل مياه الشرب');
  await expect(visitor.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /.+/);
  await expect(visitor.getByText('تُوصل منظمات المغتربين مياه الشرب إلى القرى.')).toBeVisible();
  await expect(visitor.getByRole('cell', { name: 'مدى الوصول' })).toBeVisible();
  await expect(visitor.getByText('نحن مسجَّلون في تونس.')).toBeVisible();
  await expect(visitor.getByText('مقترح المشروع')).toBeVisible();
  await expect(visitor.getByTestId('call-languages')).toHaveText('الإنجليزية، الفرنسية، العربية');
  await expect(visitor.getByTestId('language-fallback')).toHaveCount(0);
  await visitor.screenshot({ path: screen('ar-11-visitor-reads-new-call'), fullPage: true });
  // And its results-to-be stay machine-readable: the call page in French has the French title.
  await visitor.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'Français' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Appel pour l’eau potable');
  await context.close();
});
