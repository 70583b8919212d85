import { describe, expect, it } from 'vitest';
import { actingAs } from '@/lib/auth/session';
import { calibrate } from '@/lib/scoring/calibration';
import { calibrationExpected, calibrationFixture } from '@/lib/scoring/calibration.fixture';
import { createUser } from '@/lib/test/factories';
import { createAssignment, createReviewCall, createSubmittedApplication, createSubmittedReview, createOrganisation } from '@/lib/test/review-factories';
import { setDisagreementThresholdsAction } from '@/lib/actions/assignments';
import { db } from '@/db';
import { BOM } from '@/lib/csv';
import { translator } from '@/lib/i18n/translate';
import { calibratedReviews, rankingQuery } from './internal/ranking-sql';
import { exportReviewsCsv, getRanking } from './ranking';

/** A call with one criterion weighted 100 on a 0-100 scale, so a review's total is its score: the calibration fixture, in the database. */
async function fixtureCall() {
  const { call, criteria } = await createReviewCall({}, [{ name: 'Overall', weight: 100, scaleMin: 0, scaleMax: 100 }]);
  const reviewers = { A: await createUser(['reviewer']), B: await createUser(['reviewer']), C: await createUser(['reviewer']) };
  const apps: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const name of ['app1', 'app2', 'app3']) apps[name] = (await createSubmittedApplication(call, { title: name })).application.id;
  for (const f of calibrationFixture) {
    const assignment = await createAssignment(apps[f.applicationId], reviewers[f.reviewerId as 'A' | 'B' | 'C'].id);
    ids[f.reviewId] = (await createSubmittedReview(assignment.id, criteria, [f.total])).id;
  }
  return { call, apps, ids, reviewers };
}

describe('ranking and calibration in SQL', () => {
  it('[sql] the calibrated totals computed by SQL agree with lib/scoring/calibration.ts and the hand-computed fixture', async () => {
    const { call, apps, ids } = await fixtureCall();
    const fromSql = await calibratedReviews(db, call.id);
    expect(fromSql).toHaveLength(8);
    const pure = calibrate(fromSql);
    for (const [key, expected] of Object.entries(calibrationExpected.reviews)) {
      const row = fromSql.find((r) => r.reviewId === ids[key])!;
      expect(row.calibrated).toBeCloseTo(expected, 5);
      expect(row.calibrated).toBeCloseTo(pure.reviews.get(row.reviewId)!, 9);
    }
    const ranking = await rankingQuery(db, call);
    for (const [name, expected] of Object.entries(calibrationExpected.applications)) {
      const row = ranking.rows.find((r) => r.applicationId === apps[name])!;
      expect(row.calibrated).toBeCloseTo(expected, 5);
      expect(row.calibrated).toBeCloseTo(pure.applications.get(apps[name])!, 9);
    }
  });

  it('[sql] per application: mean, median, min, max, stddev, count, position and the documented tie-breaks (hand-computed)', async () => {
    const { call, apps } = await fixtureCall();
    const { rows, total } = await rankingQuery(db, call);
    expect(total).toBe(3);
    // app1: 70, 90, 50 -> mean 70, median 70, sd 20; app3: 50, 80 -> 65; app2: 30, 70, 80 -> 60, median 70, sd 26.4575
    expect(rows.map((r) => r.applicationId)).toEqual([apps.app1, apps.app3, apps.app2]);
    expect(rows[0]).toMatchObject({ reviewCount: 3, mean: 70, median: 70, min: 50, max: 90, position: 1 });
    expect(rows[0].stddev).toBeCloseTo(20, 9);
    expect(rows[2]).toMatchObject({ reviewCount: 3, mean: 60, median: 70, min: 30, max: 80, position: 3 });
    expect(rows[2].stddev).toBeCloseTo(26.457513, 5);
    expect(rows[1]).toMatchObject({ reviewCount: 2, mean: 65, median: 65, position: 2 });
    // default thresholds: range 25, sd 12 -> all three disagree (40, 50, 30)
    expect(rows.every((r) => r.flagged)).toBe(true);
    // sorted by calibrated score: app1 71.78, app3 65, app2 58.22
    const byCalibrated = await rankingQuery(db, call, { sort: 'calibrated', direction: 'asc' });
    expect(byCalibrated.rows.map((r) => r.applicationId)).toEqual([apps.app2, apps.app3, apps.app1]);
    // the per-criterion mean (one criterion: the mean itself)
    expect(Object.values(rows[0].criterionMeans)).toEqual([70]);
  });

  it('[sql] a multi-criterion total: sum of weight x score / max (hand-computed), ties broken by reviews then reference', async () => {
    const { call, criteria } = await createReviewCall();
    const r1 = await createUser(['reviewer']);
    const r2 = await createUser(['reviewer']);
    const a = await createSubmittedApplication(call);
    const b = await createSubmittedApplication(call);
    const c = await createSubmittedApplication(call);
    // 40*5/5 + 30*4/5 + 20*4/5 + 10*3/5 = 86
    await createSubmittedReview((await createAssignment(a.application.id, r1.id)).id, criteria, [5, 4, 4, 3]);
    // b: 86 twice (more reviews, same mean) -> before a
    await createSubmittedReview((await createAssignment(b.application.id, r1.id)).id, criteria, [5, 4, 4, 3]);
    await createSubmittedReview((await createAssignment(b.application.id, r2.id)).id, criteria, [5, 4, 4, 3]);
    // c: no review -> last
    const { rows } = await rankingQuery(db, call);
    expect(rows.map((r) => r.applicationId)).toEqual([b.application.id, a.application.id, c.application.id]);
    expect(rows[1].mean).toBeCloseTo(86, 9);
    expect(rows[2]).toMatchObject({ reviewCount: 0, mean: null, flagged: false });
    expect(rows[0].criterionMeans[criteria[3].id]).toBe(3);
  });

  it('[ranking] filters by country, theme and flag; thresholds change the flag; pages', async () => {
    const { call, criteria } = await createReviewCall({}, [{ name: 'Overall', weight: 100, scaleMin: 0, scaleMax: 100 }]);
    const admin = await createUser(['admin']);
    const r1 = await createUser(['reviewer']);
    const r2 = await createUser(['reviewer']);
    const so = await createSubmittedApplication(call, { countries: ['SO'], themes: ['health'] });
    const et = await createSubmittedApplication(call, { countries: ['ET', 'SO'], themes: ['education'] });
    await createSubmittedApplication(call, { eligibility: 'ineligible' });
    await createSubmittedReview((await createAssignment(so.application.id, r1.id)).id, criteria, [80]);
    await createSubmittedReview((await createAssignment(so.application.id, r2.id)).id, criteria, [40]); // range 40
    await createSubmittedReview((await createAssignment(et.application.id, r1.id)).id, criteria, [60]);
    await createSubmittedReview((await createAssignment(et.application.id, r2.id)).id, criteria, [50]); // range 10

    const all = await actingAs(admin, async () => getRanking(admin, call, {}));
    expect(all.total).toBe(2); // the ineligible one is not ranked
    expect((await rankingQuery(db, call, { country: 'ET' })).rows.map((r) => r.applicationId)).toEqual([et.application.id]);
    expect((await rankingQuery(db, call, { country: 'SO' })).total).toBe(2);
    expect((await rankingQuery(db, call, { theme: 'health' })).rows.map((r) => r.applicationId)).toEqual([so.application.id]);
    expect((await rankingQuery(db, call, { flag: 'flagged' })).rows.map((r) => r.applicationId)).toEqual([so.application.id]);
    const page2 = await rankingQuery(db, call, { pageSize: 1, page: 2 });
    // so: mean 60, et: mean 55 -> et is second
    expect(page2.rows.map((r) => r.applicationId)).toEqual([et.application.id]);
    expect(page2.total).toBe(2);
    expect(page2.rows[0].position).toBe(2);

    const saved = await actingAs(admin, () => setDisagreementThresholdsAction({ callId: call.id, disagreementRange: 5, disagreementStddev: 50 }));
    expect(saved.ok).toBe(true);
    const updated = { ...call, disagreementRange: 5, disagreementStddev: 50 };
    expect((await rankingQuery(db, updated, { flag: 'flagged' })).total).toBe(2);
    const refused = await actingAs(r1, () => setDisagreementThresholdsAction({ callId: call.id, disagreementRange: 90, disagreementStddev: 90 }));
    expect(refused).toEqual({ ok: false, error: 'You do not have permission to do that.' });
  });

  it('[export] one row per review, every criterion score and comment, UTF-8 with BOM, Arabic and accents intact, proper quoting', async () => {
    const { call, criteria } = await createReviewCall({}, [
      { name: 'Impact', weight: 60 },
      { name: 'Équipe', weight: 40 },
    ]);
    const admin = await createUser(['admin']);
    const r1 = await createUser(['reviewer'], { name: 'Nadia Benali' });
    const r2 = await createUser(['reviewer'], { name: 'تيندai' });
    const organisation = await createOrganisation({ legalName: 'جمعية الأطباء, "Santé" Diaspora' });
    const { application } = await createSubmittedApplication(call, { organisation, title: 'Formation des sages-femmes à Baidoa' });
    await createSubmittedReview((await createAssignment(application.id, r1.id)).id, criteria, [5, 3], { comment: 'Très bien, "clair"\nsur deux lignes', overallComment: 'مشروع جيد' });
    await createSubmittedReview((await createAssignment(application.id, r2.id)).id, criteria, [4, 2], { comment: '=SUM(A1)' });
    const csv = await exportReviewsCsv(admin, call, translator('en', 'export') as never);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toContain('Impact: score (0-5),Impact: comment,Équipe: score (0-5),Équipe: comment');
    expect(lines[0]).toContain('Application: mean');
    // the organisation's name is quoted (comma and quotes), Arabic intact
    expect(csv).toContain('"جمعية الأطباء, ""Santé"" Diaspora"');
    expect(csv).toContain('Formation des sages-femmes à Baidoa');
    expect(csv).toContain('"Très bien, ""clair""\nsur deux lignes"');
    expect(csv).toContain('مشروع جيد');
    // a formula is neutralised
    expect(csv).toContain("'=SUM(A1)");
    // two reviews -> header + 2 rows (+ the final empty string after the last CRLF); the quoted line break stays inside its field
    expect(csv.slice(1).trimEnd().split(/\r\n/)).toHaveLength(3);
    // totals: 60*5/5 + 40*3/5 = 84; 60*4/5 + 40*2/5 = 64; mean 74
    expect(csv).toContain(',84,');
    expect(csv).toContain(',64,');
    expect(csv).toContain(',74,');
    // round-trips through the UTF-8 bytes a download carries
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });

  it('[export] refused to anyone but an admin', async () => {
    const { call } = await createReviewCall();
    const reviewer = await createUser(['reviewer']);
    await expect(exportReviewsCsv(reviewer, call, (k) => k)).rejects.toMatchObject({ key: 'forbidden' });
  });
});
