import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { applications, awards, organisations, reportingPeriods, reportReach, reports, type ReportActivity } from '@/db/schema';

/**
 * The end of the 2022 story (issue 16): the six partners reported twice, an interim and a
 * final report, and the admins accepted every report. Their people reached add up to
 * 1,526,315: "upwards of 1.5 million people" in six months, as IOM announced. The split
 * between partners, periods, sexes, age groups and population groups is invented (the call
 * and the partners are marked illustrative).
 */

type Weights<K extends string> = Record<K, number>;
type Profile = {
  country: string;
  /** People reached, interim then final. */
  people: [number, number];
  ages: Weights<'0-17' | '18-24' | '25-59' | '60+'>;
  groups: Partial<Weights<'host_community' | 'migrants' | 'refugees' | 'internally_displaced'>>;
  narrative: [string, string];
  activities: ReportActivity[][];
};

const sexes = { female: 0.51, male: 0.48, other: 0.01 };

export const impact2022: Record<string, Profile> = {
  'Society for the Advancement of Science and Technology in the Arab World': {
    country: 'LB',
    people: [98_240, 164_240],
    ages: { '0-17': 0.12, '18-24': 0.34, '25-59': 0.46, '60+': 0.08 },
    groups: { host_community: 0.62, refugees: 0.3, migrants: 0.08 },
    narrative: [
      'Forty trainers ran media literacy workshops for teachers, journalists and community leaders in Beirut, Tripoli and the Bekaa. Participants learnt to trace a health rumour to its source and to answer it; a radio series carried the same lessons to listeners at home.',
      'The trained teachers took the lessons into their classrooms and the radio series ran for twelve more weeks. A fact-checking desk answered questions sent by listeners about vaccines and treatments, in Arabic and French.',
    ],
    activities: [
      [
        { proposed: 'Train 40 trainers in media literacy', done: '40 trainers trained in four workshops', status: 'done' },
        { proposed: 'Radio series on health misinformation', done: 'First 8 episodes broadcast on two stations', status: 'partly' },
      ],
      [
        { proposed: 'Radio series on health misinformation', done: '20 episodes broadcast in all', status: 'done' },
        { proposed: 'Lessons in secondary schools', done: 'Lessons given in 64 schools', status: 'done' },
        { proposed: '', done: 'A fact-checking desk answering listeners', status: 'added' },
      ],
    ],
  },
  'Syrian American Medical Society': {
    country: 'LB',
    people: [171_380, 247_570],
    ages: { '0-17': 0.1, '18-24': 0.16, '25-59': 0.5, '60+': 0.24 },
    groups: { host_community: 0.48, refugees: 0.44, migrants: 0.08 },
    narrative: [
      'Mobile teams brought COVID-19 vaccination and information sessions to villages in Akkar and the Bekaa and to informal refugee settlements, working with municipalities and health centres.',
      'The mobile teams extended the vaccination campaign to rural areas in the South and returned for second doses. Community health volunteers followed up older people and people with chronic illnesses at home.',
    ],
    activities: [
      [
        { proposed: 'Vaccination campaign in rural areas', done: 'Six mobile teams in Akkar and the Bekaa', status: 'done' },
        { proposed: 'Information sessions in refugee settlements', done: 'Sessions in 85 informal settlements', status: 'done' },
      ],
      [
        { proposed: 'Vaccination campaign in rural areas', done: 'Extended to the South; second doses given', status: 'done' },
        { proposed: 'Home visits for people at risk', done: 'Visits by community health volunteers', status: 'done' },
      ],
    ],
  },
  'Pontes Ricerche e Interventi': {
    country: 'TN',
    people: [58_910, 92_410],
    ages: { '0-17': 0.28, '18-24': 0.46, '25-59': 0.22, '60+': 0.04 },
    groups: { host_community: 0.78, migrants: 0.17, refugees: 0.05 },
    narrative: [
      'Mentoring circles and skills workshops started in Tunis, Sfax and Kasserine with local youth associations, for young people whose schooling and work the pandemic had interrupted.',
      'The first small grants went to youth-led projects, and the workshops moved online for the young people of the interior. The youth associations now run the mentoring circles themselves.',
    ],
    activities: [
      [
        { proposed: 'Mentoring circles with youth associations', done: '30 circles in three governorates', status: 'done' },
        { proposed: 'Small grants to youth-led projects', done: 'Call for projects launched', status: 'partly' },
      ],
      [
        { proposed: 'Small grants to youth-led projects', done: '48 grants awarded', status: 'done' },
        { proposed: 'Skills workshops', done: 'Online workshops for the interior regions', status: 'done' },
      ],
    ],
  },
  'Fédération des Tunisiens pour une Citoyenneté des deux Rives': {
    country: 'TN',
    people: [82_330, 125_310],
    ages: { '0-17': 0.2, '18-24': 0.42, '25-59': 0.32, '60+': 0.06 },
    groups: { host_community: 0.8, migrants: 0.16, refugees: 0.04 },
    narrative: [
      'Workshops with local associations taught young Tunisians to check information before sharing it and to take part in the life of their community, in youth centres and online.',
      'Young people trained in the first months ran their own workshops in their neighbourhoods, and a campaign on social networks carried their short videos on checking information.',
    ],
    activities: [
      [{ proposed: 'Media literacy workshops with local associations', done: 'Workshops in 22 youth centres', status: 'done' }],
      [
        { proposed: 'Peer-led workshops', done: 'Workshops led by trained young people', status: 'done' },
        { proposed: 'Campaign on social networks', done: 'Short videos by participants', status: 'done' },
      ],
    ],
  },
  'Citizens Initiative': {
    country: 'ZW',
    people: [104_880, 184_830],
    ages: { '0-17': 0.58, '18-24': 0.08, '25-59': 0.3, '60+': 0.04 },
    groups: { host_community: 0.84, internally_displaced: 0.1, migrants: 0.06 },
    narrative: [
      'With the school communities, the building of classrooms began in rural schools of Masvingo and Matabeleland South; pupils and families took part in hygiene and back-to-school sessions.',
      'The new classrooms opened for the third term, so pupils could return to school safely. The school communities that built them keep them, and families came to the opening days and health sessions.',
    ],
    activities: [
      [
        { proposed: 'Build school classrooms', done: 'Building under way in 12 schools', status: 'partly' },
        { proposed: 'Back-to-school sessions for families', done: 'Sessions in every school', status: 'done' },
      ],
      [{ proposed: 'Build school classrooms', done: '24 classrooms opened in 12 schools', status: 'done' }],
    ],
  },
  'Genesis Entrepreneurship Trust': {
    country: 'ZW',
    people: [76_450, 119_765],
    ages: { '0-17': 0.14, '18-24': 0.48, '25-59': 0.34, '60+': 0.04 },
    groups: { host_community: 0.8, migrants: 0.12, internally_displaced: 0.08 },
    narrative: [
      'Business training started in Harare, Bulawayo and Mutare for young people who lost their income during the pandemic, with a radio programme for those too far to come.',
      'Start-up kits and coaching helped the trained young people open or restart a business; the radio programme reached listeners across the country.',
    ],
    activities: [
      [{ proposed: 'Business training for young people', done: 'Training in three cities and by radio', status: 'done' }],
      [
        { proposed: 'Start-up support', done: 'Start-up kits and coaching', status: 'done' },
        { proposed: 'Radio programme', done: 'Weekly programme, national coverage', status: 'done' },
      ],
    ],
  },
};

/** The total the demo's reports add up to. */
export const peopleReached2022 = Object.values(impact2022).reduce((n, p) => n + p.people[0] + p.people[1], 0);

/** Splits `total` over the cells in proportion to their weights, exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

/** Reporting periods and the twelve accepted reports of the 2022 call. */
export async function seedImpact2022(tx: Transaction, callId: string, adminId: string) {
  const [interim, final] = await tx
    .insert(reportingPeriods)
    .values([
      { callId, label: 'Interim report', final: false, periodStart: '2022-06-01', periodEnd: '2022-08-31', dueAt: new Date('2022-09-15T21:00:00Z'), position: 0 },
      { callId, label: 'Final report', final: true, periodStart: '2022-09-01', periodEnd: '2022-11-30', dueAt: new Date('2022-12-15T21:00:00Z'), position: 1 },
    ])
    .returning();
  const accepted = await tx
    .select({ awardId: awards.id, name: organisations.legalName })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(awards.callId, callId));
  for (const [i, { awardId, name }] of accepted.entries()) {
    const profile = impact2022[name];
    if (!profile) continue;
    for (const [k, period] of [interim, final].entries()) {
      const submittedAt = new Date(Date.parse(k === 0 ? '2022-09-08T10:00:00Z' : '2022-12-09T10:00:00Z') + i * 3_600_000);
      const [report] = await tx
        .insert(reports)
        .values({
          awardId,
          periodId: period.id,
          status: 'accepted',
          narrative: profile.narrative[k],
          activities: profile.activities[k],
          submittedAt,
          reviewedBy: adminId,
          reviewedAt: new Date(submittedAt.getTime() + 4 * 86_400_000),
        })
        .returning({ id: reports.id });
      const cells = Object.entries(sexes).flatMap(([sex, ws]) =>
        Object.entries(profile.ages).flatMap(([ageGroup, wa]) =>
          Object.entries(profile.groups).map(([populationGroup, wg]) => ({ sex, ageGroup, populationGroup, weight: ws * wa * wg! })),
        ),
      );
      const people = apportion(profile.people[k], cells.map((c) => c.weight));
      await tx.insert(reportReach).values(
        cells
          .map((c, j) => ({
            reportId: report.id,
            country: profile.country,
            sex: c.sex as 'female',
            ageGroup: c.ageGroup as '0-17',
            populationGroup: c.populationGroup as 'refugees',
            people: people[j],
          }))
          .filter((r) => r.people > 0),
      );
    }
  }
}
