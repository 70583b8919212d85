/** Fictional calls of the demo: one open now, one closed and in review. Dates are relative to when the seed runs. */

export const openCall = {
  slug: 'diaspora-climate-resilience-2027',
  title: 'Diaspora partnerships for climate resilience 2027',
  summary:
    'Diaspora organisations are invited to propose community projects that help families adapt to floods, droughts and heat in Senegal, Bangladesh and Haiti.',
  description: `Climate shocks push families into debt and displacement. Diaspora organisations know these communities and can move quickly.

**We fund** projects of six to twelve months that:

1. reduce the damage of floods, droughts or heat on households;
2. create or protect livelihoods;
3. involve local organisations from the start.

**We do not fund** purely academic research, or equipment without a maintenance plan.

Ask your questions before the clarification deadline; answers are published below for everyone.

*Demo note: this call is fictional.*`,
  /** Published in English (its main language), French and Arabic; applications accepted in all three. */
  translations: {
    fr: { title: "Partenariats avec la diaspora pour la résilience climatique 2027", summary: "Les organisations de la diaspora sont invitées à proposer des projets communautaires qui aident les familles à s’adapter aux inondations, aux sécheresses et aux vagues de chaleur au Sénégal, au Bangladesh et en Haïti.", description: "Les chocs climatiques poussent les familles vers l’endettement et le déplacement. Les organisations de la diaspora connaissent ces communautés et peuvent agir vite.\n\n**Nous finançons** des projets de six à douze mois qui :\n\n1. réduisent les dégâts causés aux ménages par les inondations, les sécheresses ou la chaleur ;\n2. créent ou protègent des moyens de subsistance ;\n3. associent des organisations locales dès le départ.\n\n**Nous ne finançons pas** la recherche purement universitaire, ni l’achat d’équipement sans plan de maintenance.\n\nPosez vos questions avant la date limite des demandes d’éclaircissement ; les réponses sont publiées ci-dessous, pour tous.\n\n*Note de démonstration : cet appel est fictif.*" },
    ar: { title: "شراكات المغتربين من أجل الصمود في مواجهة تغيّر المناخ 2027", summary: "ندعو منظمات المغتربين إلى اقتراح مشاريع مجتمعية تساعد الأسر على التكيّف مع الفيضانات والجفاف وموجات الحر في السنغال وبنغلاديش وهايتي.", description: "تدفع الصدمات المناخية الأسر إلى الاستدانة والنزوح. ومنظمات المغتربين تعرف هذه المجتمعات ويمكنها التحرك بسرعة.\n\n**نموّل** مشاريع تمتد من ستة أشهر إلى اثني عشر شهرًا، على أن:\n\n1. تحدّ من الأضرار التي تلحقها الفيضانات أو الجفاف أو الحر بالأسر؛\n2. تُنشئ سبل عيش أو تحميها؛\n3. تُشرك المنظمات المحلية منذ البداية.\n\n**لا نموّل** البحوث الأكاديمية البحتة، ولا شراء المعدات من دون خطة للصيانة.\n\nاطرحوا أسئلتكم قبل الموعد النهائي لطلبات الاستيضاح؛ وتُنشر الأجوبة أدناه للجميع.\n\n*ملاحظة للعرض التجريبي: هذه الدعوة خيالية.*" },
  },
  applicationLocales: ['en', 'fr', 'ar'],
  funder: 'Fictional Climate Adaptation Fund',
  issuer: 'Fictional Diaspora Partnerships Office',
  timeZone: 'Europe/Zurich',
  countries: ['SN', 'BD', 'HT'],
  themes: ['climate', 'livelihoods', 'food_security'],
  currency: 'USD',
  minBudget: 25_000,
  maxBudget: 120_000,
  envelope: 500_000,
  expectedPartners: 5,
  criteria: [
    { name: 'Relevance to climate risks', guidance: 'Does the project address a climate risk the community actually faces?', weight: 35, translations: { fr: { name: "Pertinence au regard des risques climatiques", guidance: "Le projet répond-il à un risque climatique auquel la communauté est réellement exposée ?" }, ar: { name: "الصلة بالمخاطر المناخية", guidance: "هل يعالج المشروع خطرًا مناخيًا يواجهه المجتمع فعلًا؟" } } },
    { name: 'Community and diaspora ties', guidance: 'Are local organisations involved and is the diaspora link real?', weight: 25, translations: { fr: { name: "Liens avec la communauté et la diaspora", guidance: "Des organisations locales sont-elles associées, et le lien avec la diaspora est-il réel ?" }, ar: { name: "الروابط مع المجتمع والمغتربين", guidance: "هل تشارك منظمات محلية، وهل الصلة بالمغتربين حقيقية؟" } } },
    { name: 'Feasibility', guidance: 'Can the plan be delivered with this budget and time?', weight: 25, translations: { fr: { name: "Faisabilité", guidance: "Le plan peut-il être mis en œuvre avec ce budget et dans ces délais ?" }, ar: { name: "الجدوى", guidance: "هل يمكن تنفيذ الخطة بهذه الميزانية وفي هذه المدة؟" } } },
    { name: 'Sustainability', guidance: 'Will the benefits last after the project ends?', weight: 15, translations: { fr: { name: "Durabilité", guidance: "Les bénéfices perdureront-ils après la fin du projet ?" }, ar: { name: "الاستدامة", guidance: "هل ستستمر الفوائد بعد انتهاء المشروع؟" } } },
  ],
  faq: [
    {
      question: 'Can two organisations apply together?',
      translations: { fr: { question: "Deux organisations peuvent-elles candidater ensemble ?", answer: "Oui. L’une des organisations dépose la candidature et désigne l’autre comme partenaire local, en précisant son rôle. Chaque organisation ne peut diriger qu’une seule candidature dans le cadre de cet appel." }, ar: { question: "هل يمكن لمنظمتين التقدّم بطلب مشترك؟", answer: "نعم. تتقدّم إحدى المنظمتين بالطلب وتذكر الأخرى شريكًا محليًا مع تحديد دوره. ولا يجوز لأي منظمة أن تقود أكثر من طلب واحد في هذه الدعوة." } },
      answer:
        'Yes. One organisation applies and names the other as a local partner, with its role. Each organisation may lead at most one application to this call.',
    },
    {
      question: 'Is co-funding required?',
      translations: { fr: { question: "Un cofinancement est-il exigé ?", answer: "Non. Le cofinancement est bienvenu et peut figurer dans le budget, mais il n’est pas noté." }, ar: { question: "هل التمويل المشترك شرط؟", answer: "لا. التمويل المشترك موضع ترحيب ويمكن إظهاره في الميزانية، لكنه لا يدخل في التقييم." } },
      answer: 'No. Co-funding is welcome and can be shown in the budget, but it is not scored.',
    },
  ],
  pendingQuestion: 'Our registration certificate is being renewed. Can we send the old one with proof of renewal?',
};

export const reviewCall = {
  slug: 'diaspora-health-workers-2026',
  title: 'Diaspora health professionals for primary care 2026',
  summary:
    'Short missions by diaspora doctors, nurses and midwives to train primary health care staff in Somalia, Ethiopia and Sudan.',
  description: `Health workers from the diaspora train and mentor primary care teams during missions of two to eight weeks.

Applications are closed and under review.

*Demo note: this call is fictional.*`,
  funder: 'Fictional Health Partnership Fund',
  issuer: 'Fictional Diaspora Partnerships Office',
  /** Shows the setting in the demo's editor; the open call leaves it optional, so new organisations can try applying. */
  requiresSelfDeclaration: true,
  timeZone: 'Africa/Nairobi',
  countries: ['SO', 'ET', 'SD'],
  themes: ['health', 'education'],
  currency: 'USD',
  minBudget: 20_000,
  maxBudget: 90_000,
  envelope: 300_000,
  expectedPartners: 4,
  criteria: [
    { name: 'Health impact', guidance: 'How many staff are trained and how will care improve?', weight: 40 },
    { name: 'Qualifications of the team', guidance: 'Are the professionals qualified and licensed?', weight: 30 },
    { name: 'Safety and logistics', guidance: 'Is travel and security planned?', weight: 20 },
    { name: 'Cost', guidance: 'Is the budget reasonable?', weight: 10 },
  ],
};

/** Organisations that apply to the fictional calls. */
export const fictionalOrganisations = [
  { legalName: 'Sahel Diaspora Alliance', country: 'FR', heritage: ['SN'], website: 'https://sahel-alliance.example' },
  { legalName: 'Bengal Delta Friends Association', country: 'GB', heritage: ['BD'], website: 'https://bengal-delta.example' },
  { legalName: 'Lakou Ayiti Diaspora Network', country: 'US', heritage: ['HT'], website: 'https://lakou.example' },
  { legalName: 'Somali Health Professionals Abroad', country: 'SE', heritage: ['SO'], website: 'https://shpa.example' },
  { legalName: 'Ethiopian Nurses Abroad Association', country: 'US', heritage: ['ET'], website: 'https://enaa.example' },
  { legalName: 'Sudanese Doctors Union Europe', country: 'GB', heritage: ['SD'], website: 'https://sdue.example' },
  { legalName: 'Horn of Africa Midwives Collective', country: 'NO', heritage: ['SO', 'ET'], website: 'https://hamc.example' },
  { legalName: 'Nile Valley Health Partners', country: 'CA', heritage: ['SD'], website: 'https://nvhp.example' },
  { legalName: 'Addis Care Diaspora Trust', country: 'DE', heritage: ['ET'], website: 'https://addiscare.example' },
  { legalName: 'Mogadishu Medical Volunteers', country: 'NL', heritage: ['SO'], website: 'https://mmv.example' },
  { legalName: 'Kordofan Community Health Initiative', country: 'US', heritage: ['SD'], website: 'https://kchi.example' },
];

/** The demo applicant's own organisation. */
export const applicantOrganisation = {
  legalName: 'Horizon Diaspora Network',
  acronym: 'HDN',
  country: 'CA',
  heritage: ['HT', 'SN'],
  operation: ['CA', 'HT'],
  website: 'https://horizon-diaspora.example',
};
