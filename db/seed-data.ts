/**
 * The demo story. The 2022 call is real: IOM's Diaspora Engagement Unit, USAID's Bureau
 * for Humanitarian Assistance, Lebanon, Tunisia and Zimbabwe, and the six partners under
 * their exact names (source: ../shared/seeds). Everything the source does not state is
 * marked illustrative.
 */

export const DEMO_PASSWORD = 'eoi-demo-2026';

export const demoUsers = [
  { key: 'admin', email: 'admin@example.org', name: 'Demo Admin', roles: ['admin'] },
  { key: 'reviewer', email: 'reviewer@example.org', name: 'Demo Reviewer', roles: ['reviewer'] },
  { key: 'applicant', email: 'applicant@example.org', name: 'Demo Applicant', roles: ['applicant'] },
  { key: 'reviewer2', email: 'reviewer2@example.org', name: 'Nadia Benali (fictional reviewer)', roles: ['reviewer'] },
  { key: 'reviewer3', email: 'reviewer3@example.org', name: 'Tendai Moyo (fictional reviewer)', roles: ['reviewer'] },
] as const;

export const ILLUSTRATIVE_PARTNER =
  "Illustrative: the organisation's name, the country it operates from and the kind of activity follow IOM's announcement; the pairing with a country, the project's wording, the amounts and the scores are invented for the demo.";
export const FICTIONAL = 'Fictional: this organisation and its application are invented for the demo.';

export type DemoOrganisation = {
  legalName: string;
  acronym?: string;
  country: string;
  heritage: string[];
  operation: string[];
  website?: string;
  illustrative: string;
  project: {
    title: string;
    countries: string[];
    themes: string[];
    summary: string;
    amount: number;
    people: number;
  };
  /** The demo's review scores per criterion (0-5), one array per reviewer. */
  scores: number[][];
  outcome: 'selected' | 'reserve' | 'not_selected';
  rationale: string;
};

export const call2022 = {
  slug: 'diaspora-covid-recovery-2022',
  title: 'Diaspora organisations in COVID-19 recovery: Lebanon, Tunisia and Zimbabwe',
  summary:
    "IOM's Diaspora Engagement Unit invites diaspora organisations to run COVID-19 recovery projects in Lebanon, Tunisia and Zimbabwe, with funding from USAID's Bureau for Humanitarian Assistance.",
  description: `Diaspora organisations are uniquely placed to identify the most vulnerable and most in need, both geographically and within their communities, and remain connected to their countries of origin or heritage.

This call for expressions of interest, launched in early 2022, selects diaspora organisations to implement projects in areas significantly affected by the COVID-19 pandemic in **Lebanon**, **Tunisia** and **Zimbabwe**. Activities may include, for example:

- media literacy training;
- construction of school classrooms;
- vaccination campaigns for rural areas;
- youth development.

Interventions should target both local and migrant and refugee populations.

*Demo note: the wording of this page, its dates, budget, criteria and document list are illustrative. The organiser, funder, countries, kinds of activity and the six selected partners come from IOM's announcement.*`,
  funder: "USAID's Bureau for Humanitarian Assistance (BHA)",
  issuer: 'International Organization for Migration (IOM)',
  timeZone: 'America/New_York',
  opensAt: '2022-02-01T14:00:00Z',
  clarificationDeadline: '2022-02-18T22:00:00Z',
  closesAt: '2022-03-04T22:00:00Z',
  reviewDeadline: '2022-03-25T22:00:00Z',
  resultsExpectedAt: '2022-04-15T14:00:00Z',
  publishedAt: '2022-04-14T15:00:00Z',
  countries: ['LB', 'TN', 'ZW'],
  themes: ['education', 'media_literacy', 'vaccination', 'youth', 'health'],
  currency: 'USD',
  minBudget: 50_000,
  maxBudget: 150_000,
  envelope: 600_000,
  expectedPartners: 6,
  illustrative:
    "Real: the organiser (IOM's Diaspora Engagement Unit), the funder, the three countries, the kinds of activity and the six selected partners. Illustrative: this page's wording, dates, budget, criteria, scores, the unsuccessful applicants, and how the 1.5 million people reached split between partners, countries, periods and groups.",
};

export const organisations2022: DemoOrganisation[] = [
  {
    legalName: 'Society for the Advancement of Science and Technology in the Arab World',
    acronym: 'SASTA',
    country: 'US',
    heritage: ['LB', 'SY', 'TN'],
    operation: ['US', 'LB'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'Media literacy against COVID-19 misinformation',
      countries: ['LB'],
      themes: ['media_literacy', 'health'],
      summary: 'Training for teachers, journalists and community leaders to recognise and answer health misinformation.',
      amount: 100_000,
      people: 250_000,
    },
    scores: [
      [5, 4, 4, 4, 4],
      [4, 5, 4, 4, 4],
      [5, 4, 5, 4, 3],
    ],
    outcome: 'selected',
    rationale: 'High relevance and a strong community network; budget within range.',
  },
  {
    legalName: 'Syrian American Medical Society',
    acronym: 'SAMS',
    country: 'US',
    heritage: ['SY'],
    operation: ['US', 'LB', 'SY'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'Vaccination campaign for rural areas',
      countries: ['LB'],
      themes: ['vaccination', 'health'],
      summary: 'Mobile teams bring COVID-19 vaccination and information sessions to rural and refugee communities.',
      amount: 120_000,
      people: 400_000,
    },
    scores: [
      [5, 5, 4, 5, 4],
      [5, 4, 5, 5, 4],
      [4, 5, 4, 5, 4],
    ],
    outcome: 'selected',
    rationale: 'Proven medical capacity and access to rural areas; highest panel score.',
  },
  {
    legalName: 'Pontes Ricerche e Interventi',
    country: 'IT',
    heritage: ['TN'],
    operation: ['IT', 'TN'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'Youth development in post-COVID Tunisia',
      countries: ['TN'],
      themes: ['youth', 'livelihoods'],
      summary: 'Mentoring, skills workshops and small grants for young people whose schooling and work were disrupted.',
      amount: 90_000,
      people: 150_000,
    },
    scores: [
      [4, 4, 4, 4, 4],
      [4, 5, 4, 3, 4],
      [4, 4, 3, 4, 5],
    ],
    outcome: 'selected',
    rationale: 'Solid youth programme with credible Tunisian partners.',
  },
  {
    legalName: 'Fédération des Tunisiens pour une Citoyenneté des deux Rives',
    acronym: 'FTCR',
    country: 'FR',
    heritage: ['TN'],
    operation: ['FR', 'TN'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'Media literacy and civic participation for young Tunisians',
      countries: ['TN'],
      themes: ['media_literacy', 'youth'],
      summary: 'Workshops with local associations on checking information and taking part in community life.',
      amount: 80_000,
      people: 200_000,
    },
    scores: [
      [4, 5, 3, 4, 4],
      [4, 4, 4, 4, 4],
      [5, 4, 4, 3, 4],
    ],
    outcome: 'selected',
    rationale: 'Strong diaspora ties on both shores; good value for money.',
  },
  {
    legalName: 'Citizens Initiative',
    country: 'ZA',
    heritage: ['ZW'],
    operation: ['ZA', 'ZW'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'School classrooms for rural Zimbabwe',
      countries: ['ZW'],
      themes: ['education'],
      summary: 'Building classrooms so that pupils can return to school safely, with the school communities.',
      amount: 110_000,
      people: 300_000,
    },
    scores: [
      [5, 4, 4, 4, 3],
      [4, 4, 4, 4, 4],
      [4, 5, 4, 4, 3],
    ],
    outcome: 'selected',
    rationale: 'Tangible, lasting results in the poorest districts covered by the call.',
  },
  {
    legalName: 'Genesis Entrepreneurship Trust',
    country: 'ZW',
    heritage: ['ZW'],
    operation: ['ZW'],
    illustrative: ILLUSTRATIVE_PARTNER,
    project: {
      title: 'Youth entrepreneurship for recovery',
      countries: ['ZW'],
      themes: ['youth', 'entrepreneurship'],
      summary: 'Business training and start-up support for young people who lost income during the pandemic.',
      amount: 95_000,
      people: 200_000,
    },
    scores: [
      [4, 4, 4, 3, 4],
      [4, 4, 3, 4, 4],
      [4, 3, 4, 4, 4],
    ],
    outcome: 'selected',
    rationale: 'Local presence and a clear plan; completes coverage of Zimbabwe.',
  },
  {
    legalName: 'Cedar Bridge Diaspora Forum',
    country: 'CA',
    heritage: ['LB'],
    operation: ['CA', 'LB'],
    illustrative: FICTIONAL,
    project: {
      title: 'Psychosocial support hotline',
      countries: ['LB'],
      themes: ['health'],
      summary: 'A phone and chat line staffed by volunteer counsellors.',
      amount: 140_000,
      people: 40_000,
    },
    scores: [
      [3, 4, 3, 3, 2],
      [4, 3, 3, 3, 3],
      [3, 3, 4, 2, 3],
    ],
    outcome: 'reserve',
    rationale: 'Relevant, but the cost per person reached is high; kept in reserve.',
  },
  {
    legalName: 'Maghreb Solidarity Network',
    country: 'BE',
    heritage: ['TN', 'MA'],
    operation: ['BE'],
    illustrative: FICTIONAL,
    project: {
      title: 'Remote tutoring for secondary pupils',
      countries: ['TN'],
      themes: ['education'],
      summary: 'Volunteer tutors from the diaspora teach online classes.',
      amount: 60_000,
      people: 5_000,
    },
    scores: [
      [3, 3, 2, 2, 3],
      [2, 3, 3, 2, 3],
      [3, 2, 2, 3, 2],
    ],
    outcome: 'not_selected',
    rationale: 'No local partner in Tunisia and limited implementation capacity.',
  },
  {
    legalName: 'Umoja Zimbabwe Diaspora Trust',
    country: 'GB',
    heritage: ['ZW'],
    operation: ['GB'],
    illustrative: FICTIONAL,
    project: {
      title: 'Food parcels for returning migrants',
      countries: ['ZW'],
      themes: ['health'],
      summary: 'One-off food parcels distributed at border posts.',
      amount: 150_000,
      people: 10_000,
    },
    scores: [
      [2, 3, 2, 2, 2],
      [3, 2, 2, 2, 1],
      [2, 2, 3, 2, 2],
    ],
    outcome: 'not_selected',
    rationale: 'Short-term relief outside the call’s recovery focus; weak sustainability.',
  },
];

export const criteria2022 = [
  { name: 'Relevance and need', guidance: 'Does the project answer a documented COVID-19 recovery need in the target area?', weight: 30 },
  { name: 'Diaspora added value', guidance: 'How do the organisation’s ties with the community make the project more effective?', weight: 25 },
  { name: 'Feasibility and method', guidance: 'Are the activities, timeline and risks realistic for six months?', weight: 20 },
  { name: 'Capacity and track record', guidance: 'Has the organisation delivered projects of this size before?', weight: 15 },
  { name: 'Value for money', guidance: 'Is the budget reasonable for the number of people reached?', weight: 10 },
];

export const requirementsStandard = [
  { statement: 'Our organisation is founded or led by members of the diaspora.', translations: { fr: { statement: "Notre organisation a été fondée par des membres de la diaspora ou est dirigée par eux." }, ar: { statement: "أسّس منظمتَنا أفرادٌ من المغتربين أو يتولّون قيادتها." } }, required: true },
  { statement: 'Our organisation is legally registered as a non-profit.', translations: { fr: { statement: "Notre organisation est légalement enregistrée comme organisme à but non lucratif." }, ar: { statement: "منظمتنا مسجّلة قانونيًا بوصفها منظمة غير ربحية." } }, required: true },
  { statement: 'We have a policy on protection from sexual exploitation and abuse (PSEA).', translations: { fr: { statement: "Nous disposons d’une politique de protection contre l’exploitation et les abus sexuels (PEAS)." }, ar: { statement: "لدينا سياسة للحماية من الاستغلال والاعتداء الجنسيين." } }, required: true },
  { statement: 'We have worked with IOM or another UN agency before.', translations: { fr: { statement: "Nous avons déjà travaillé avec l’OIM ou une autre agence des Nations Unies." }, ar: { statement: "سبق لنا العمل مع المنظمة الدولية للهجرة أو مع وكالة أخرى من وكالات الأمم المتحدة." } }, required: false },
];

export const slotsStandard = [
  { name: 'Project proposal', description: 'The full proposal, at most 10 pages.', translations: { fr: { name: "Proposition de projet", description: "La proposition complète, 10 pages au maximum." }, ar: { name: "مقترح المشروع", description: "المقترح الكامل، في 10 صفحات على الأكثر." } }, required: true, acceptedTypes: ['pdf', 'docx'], maxSizeBytes: 10 * 1024 * 1024 },
  { name: 'Detailed budget', description: 'Use any spreadsheet layout; show unit costs.', translations: { fr: { name: "Budget détaillé", description: "Présentation libre sous forme de tableur ; indiquez les coûts unitaires." }, ar: { name: "الميزانية المفصّلة", description: "استخدم أي تنسيق لجدول البيانات، مع بيان تكاليف الوحدات." } }, required: true, acceptedTypes: ['xlsx', 'pdf'], maxSizeBytes: 5 * 1024 * 1024 },
  { name: 'Registration certificate', description: 'A scan or photo is fine.', translations: { fr: { name: "Certificat d’enregistrement", description: "Une copie numérisée ou une photo suffit." }, ar: { name: "شهادة التسجيل", description: "تكفي نسخة ممسوحة ضوئيًا أو صورة." } }, required: false, acceptedTypes: ['pdf', 'png', 'jpeg'], maxSizeBytes: 5 * 1024 * 1024 },
];
