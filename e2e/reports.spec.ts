import { answerConfirmation, answerOfPage, expect, test } from './support/fixtures';
import { AdminReportingPage, PartnerReportPage } from './support/pages';

/**
 * Reporting (issue 16): a partner with an accepted award reports on a period, the admin
 * asks for a change, the partner resubmits, the admin accepts. Each test has its own call,
 * award and period (the "reporting" fixture).
 */
test.describe('reports', () => {
  test('[applicant] a partner fills an interim report (the draft survives a reload), the admin asks for a change, the partner resubmits, the admin accepts', async ({ reporting, pageAs }) => {
    test.setTimeout(120_000);
    const partner = await pageAs(reporting.applicant);
    const admin = await pageAs(reporting.admin);
    const org = reporting.applicant.organisation;

    // The dashboard shows the report due.
    await partner.goto('/dashboard');
    await expect(partner.getByRole('heading', { name: 'Reports on your awards' })).toBeVisible();
    await partner.getByRole('link', { name: `Report of ${org} for Interim report` }).click();
    const report = new PartnerReportPage(partner);
    await expect(partner.getByRole('heading', { name: 'People reached' })).toBeVisible();
    await expect(report.state).toHaveText('Not started');
    // The activities the application proposed are there to report against.
    await expect(report.activity(0).getByLabel('Proposed')).toHaveValue('Train 40 community health workers');
    await expect(report.activity(1).getByLabel('Proposed')).toHaveValue('Run 12 mobile clinic days');

    // Files wait for the first save of the draft.
    await expect(partner.getByTestId('report-files')).toContainText('Files can be attached once the draft is saved');

    // Submitting an empty report says what is missing, next to each field.
    await report.submit();
    await expect(partner.getByText('The report is not complete yet')).toBeVisible();
    await expect(partner.getByText('Add at least one row of people reached.')).toBeVisible();

    await report.addReach({ country: 'Somalia', sex: 'Female', ageGroup: '25 to 59', group: 'Host community', people: 1200 });
    await report.addReach({ country: 'Kenya', sex: 'Male', ageGroup: '0 to 17', group: 'Refugees', people: 300 });
    await expect(report.total).toHaveText('Total people reached: 1,500');
    await report.activity(0).getByLabel('What was done').fill('Trained 38 workers in two sessions.');
    await report.activity(1).getByLabel('What was done').fill('Ran 12 clinic days in Baidoa and Dadaab.');
    await partner.getByLabel('How did it go?').fill('Both countries reached; rains delayed two sessions.');
    await report.saved();

    // A file attached to the saved draft (recognised by its content, not its name).
    await partner.getByLabel('Attach a file').setInputFiles({ name: 'attendance.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% attendance sheets\n%%EOF\n') });
    await expect(partner.getByTestId('report-files').getByRole('link', { name: 'attendance.pdf' })).toBeVisible();
    await partner.getByLabel('Attach a file').setInputFiles({ name: 'photo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await expect(partner.getByTestId('report-files')).toContainText('This file is not of an accepted type');

    // The draft survives a reload, with its file.
    await partner.reload();
    await expect(partner.getByTestId('report-files').getByRole('link', { name: 'attendance.pdf' })).toBeVisible();
    // (Rows come back in a stable order: by country, then group, sex and age.)
    await expect(report.row(0).getByLabel('Country')).toHaveValue('KE');
    await expect(report.row(0).getByLabel('Number of people')).toHaveValue('300');
    await expect(report.row(1).getByLabel('Number of people')).toHaveValue('1200');
    await expect(report.total).toHaveText('Total people reached: 1,500');
    await expect(partner.getByLabel('How did it go?')).toHaveValue('Both countries reached; rains delayed two sessions.');
    await expect(report.state).toHaveText('Draft');

    // A double click submits once.
    await partner.getByRole('button', { name: 'Submit the report' }).dblclick();
    await expect(partner.getByText('Your report was submitted.')).toBeVisible();
    await expect(report.state).toHaveText('Submitted');
    await expect(partner.getByRole('button', { name: 'Submit the report' })).toHaveCount(0);

    // The admin asks for a change: a comment is required.
    const reporting_ = await new AdminReportingPage(admin).goto(reporting.call.id);
    await expect(admin.getByTestId(`award-${reporting.award.id}`).getByTestId('report-state')).toHaveText('Submitted');
    await reporting_.openReport(org, 'Interim report');
    await expect(admin.getByTestId('reach-total')).toHaveText('Total people reached: 1,500');
    // The admin downloads the partner's file.
    const fileLink = admin.getByTestId('report-files').getByRole('link', { name: 'attendance.pdf' });
    const download = await admin.request.get((await fileLink.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await admin.getByRole('button', { name: 'Ask for changes' }).click();
    await expect(admin.getByText('Say what should change: the partner reads this comment.')).toBeVisible();
    await reporting_.askForChanges('Please add the women reached in Kenya.');
    await expect(reporting_.state).toHaveText('Changes requested');

    // The partner reads the comment, edits and resubmits.
    await partner.reload();
    await expect(partner.getByTestId('review-comment')).toHaveText('Please add the women reached in Kenya.');
    await expect(report.state).toHaveText('Changes requested');
    await report.addReach({ country: 'Kenya', sex: 'Female', ageGroup: '18 to 24', group: 'Refugees', people: 250 });
    await expect(report.total).toHaveText('Total people reached: 1,750');
    await report.saved();
    await report.submit();
    await expect(report.state).toHaveText('Submitted');

    // A report awaiting review is not public: the call's impact (cached) counts no one yet.
    const impactJson = async () => (await (await partner.request.get(`/calls/${reporting.call.slug}/impact.json`)).json()).peopleReached;
    expect(await impactJson()).toBe(0);
    const reportUrl = partner.url();
    await partner.goto(`/calls/${reporting.call.slug}/impact`);
    await expect(partner.getByText('No report has been accepted yet.')).toBeVisible();
    await expect(partner.getByTestId('people-reached')).toHaveCount(0);

    // The admin accepts.
    await admin.reload();
    await expect(admin.getByTestId('reach-total')).toHaveText('Total people reached: 1,750');
    await reporting_.accept();
    await expect(reporting_.state).toHaveText('Accepted');
    await admin.getByRole('link', { name: 'Back to reporting' }).click();
    await expect(admin.getByTestId(`award-${reporting.award.id}`).getByTestId('report-state')).toHaveText('Accepted');

    // The next request shows it in public: the page and impact.json (the accept expired their tag).
    expect(await impactJson()).toBe(1750);
    await partner.reload();
    await expect(partner.getByTestId('people-reached')).toHaveText('1,750');

    await partner.goto(reportUrl);
    await expect(partner.getByText('This report was accepted. Thank you.')).toBeVisible();
  });

  test('[applicant] another organisation’s member finds no report to read or write', async ({ reporting, users, pageAs }) => {
    const stranger = await pageAs(await users.create(['applicant']));
    expect(await answerOfPage(stranger, `/applications/${reporting.application.id}/reports/${reporting.period.id}`)).toBe(404);
    await stranger.goto('/dashboard');
    await expect(stranger.getByRole('heading', { name: 'Reports on your awards' })).toHaveCount(0);
  });

  test('[admin] adds a final reporting period, edits it, deletes it; a period reported on cannot be deleted', async ({ reporting, pageAs }) => {
    const admin = await pageAs(reporting.admin);
    await admin.goto(`/admin/calls/${reporting.call.id}`);
    await admin.getByRole('link', { name: /Reporting/ }).click();
    await expect(admin.getByRole('heading', { name: 'Reporting periods' })).toBeVisible();

    await admin.getByRole('button', { name: 'Add a reporting period' }).click();
    const form = admin.getByRole('form', { name: 'Add a reporting period' });
    await form.getByLabel('Name').fill('Final report');
    await form.getByLabel('Period starts').fill('2026-07-01');
    await form.getByLabel('Period ends').fill('2026-06-01');
    await form.getByLabel('Due date and time').fill('2027-01-31T17:00');
    await form.getByLabel('This is the final report').check();
    await form.getByRole('button', { name: 'Save period' }).click();
    await expect(form.getByText('The period cannot end before it starts.')).toBeVisible();
    await form.getByLabel('Period ends').fill('2026-12-31');
    await form.getByRole('button', { name: 'Save period' }).click();
    const periods = admin.getByTestId('reporting-period');
    await expect(periods).toHaveCount(2);
    // Shown in the call's time zone (Nairobi), as entered.
    await expect(periods.nth(1)).toContainText('Final report');
    await expect(periods.nth(1)).toContainText(/January 31, 2027|31 January 2027/);
    await expect(periods.nth(1)).toContainText(/05:00\sPM|17:00/);

    await admin.getByRole('button', { name: 'Edit Final report' }).click();
    const edit = admin.getByRole('form', { name: 'Edit Final report' });
    await edit.getByLabel('Name').fill('Final narrative report');
    await edit.getByRole('button', { name: 'Save period' }).click();
    await expect(periods.nth(1)).toContainText('Final narrative report');

    await admin.getByRole('button', { name: 'Delete Final narrative report' }).click();
    await answerConfirmation(admin, 'Delete the reporting period “Final narrative report”?');
    await expect(periods).toHaveCount(1);
  });
});
