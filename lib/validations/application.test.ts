import { describe, expect, it } from 'vitest';
import {
  applicationDraftValuesSchema,
  applicationValuesOf,
  applicationIssues,
  applicationRulesIssues,
  saveApplicationDraftSchema,
  projectStepSchema,
  stepIsOptional,
  stepIssues,
  type ApplicationRules,
} from './application';
import { updateOrganisationSchema } from './organisation';
import { decodeIssue, maxLengthOf } from './issues';

const req = '11111111-1111-4111-8111-111111111111';
const info = '22222222-2222-4222-8222-222222222222';
const slot = '33333333-3333-4333-8333-333333333333';
const rules: ApplicationRules = {
  countries: ['SN', 'HT'],
  themes: ['climate'],
  minBudget: 10_000,
  maxBudget: 50_000,
  currency: 'USD',
  requirements: [
    { id: req, required: true },
    { id: info, required: false },
  ],
  slots: [{ id: slot, required: true }],
};
const complete = {
  title: 'T',
  countries: ['SN'],
  themes: ['climate'],
  summary: 'S',
  objectives: 'O',
  activities: 'A',
  targetPopulation: 'P',
  peopleToReach: 10,
  localPartners: [],
  risks: [{ risk: 'R', mitigation: 'M' }],
  durationMonths: 6,
  requestedAmount: 20_000,
  budgetLines: [
    { label: 'a', amount: 15_000 },
    { label: 'b', amount: 5_000 },
  ],
  declarations: { [req]: true, [info]: false },
};

describe('the call rules of an application', () => {
  it('a complete application with its document has no issue', () => {
    expect(applicationIssues(complete, rules, [slot])).toEqual([]);
  });

  it('says what is missing, step by step', () => {
    const issues = applicationIssues({ ...complete, title: '', risks: [], declarations: { [req]: false } }, rules, []);
    expect(issues.map((i) => `${i.step}:${i.path}:${i.message}`)).toEqual([
      'project:title:required',
      'risks:risks:chooseOne',
      `declarations:declarations.${req}:declarationRequired`,
      `declarations:declarations.${info}:answerRequired`,
      `documents:documents.${slot}:documentRequired`,
    ]);
  });

  it('keeps countries and themes within the call, the amount within its limits, the lines adding up', () => {
    const out = applicationRulesIssues({ ...complete, countries: ['SN', 'FR'], themes: ['health'], requestedAmount: 60_000 }, rules, [slot]);
    expect(out.map((i) => i.path)).toEqual(['countries', 'themes', 'requestedAmount', 'budgetLines']);
    expect(out[2].message).toBe('amountAboveMax::{"maximum":50000,"currency":"USD"}');
    const low = applicationRulesIssues({ ...complete, requestedAmount: 5_000, budgetLines: [{ label: 'a', amount: 5_000 }] }, rules, [slot]);
    expect(low.map((i) => i.message)).toEqual(['amountBelowMin::{"minimum":10000,"currency":"USD"}']);
    // Exactly at the limits is fine.
    expect(applicationRulesIssues({ ...complete, requestedAmount: 50_000, budgetLines: [{ label: 'a', amount: 50_000 }] }, rules, [slot])).toEqual([]);
  });

  it('a step with its own fields complete is complete even if others are not', () => {
    expect(stepIssues('reach', { targetPopulation: 'x', peopleToReach: 3 }, rules)).toEqual([]);
    expect(stepIssues('reach', { targetPopulation: 'x', peopleToReach: 2.5 }, rules).map((i) => i.message)).toEqual(['wholeNumber']);
  });

  it('a draft may be half-typed but not malformed; unknown fields are refused', () => {
    expect(applicationDraftValuesSchema.safeParse({ title: '', localPartners: [{ name: 'x', country: '', role: '' }] }).success).toBe(true);
    expect(applicationDraftValuesSchema.safeParse({ countries: ['Senegal'] }).success).toBe(false);
    expect(applicationDraftValuesSchema.safeParse({ title: 'x', status: 'submitted' }).success).toBe(false);
    expect(saveApplicationDraftSchema.safeParse({ applicationId: req, version: 1, draft: {}, score: 5 }).success).toBe(false);
  });
});

describe('text limits', () => {
  it('are read from the schemas, the one place they are written', () => {
    expect(maxLengthOf(projectStepSchema, 'summary')).toBe(1500);
    expect(maxLengthOf(applicationDraftValuesSchema, 'summary')).toBe(1500);
    expect(maxLengthOf(applicationDraftValuesSchema, 'risks.3.mitigation')).toBe(1000);
    expect(maxLengthOf(applicationDraftValuesSchema, 'localPartners.0.role')).toBe(500);
    expect(maxLengthOf(updateOrganisationSchema, 'experience.water')).toBe(2000);
    expect(maxLengthOf(updateOrganisationSchema, 'website')).toBe(500);
    expect(maxLengthOf(applicationDraftValuesSchema, 'peopleToReach')).toBeNull();
    expect(maxLengthOf(applicationDraftValuesSchema, 'nothing.here')).toBeNull();
  });

  it('an over-long draft is refused with a field error, never cut', () => {
    const long = 'x'.repeat(1501);
    const parsed = applicationDraftValuesSchema.safeParse({ summary: long });
    expect(parsed.success).toBe(false);
    const found = parsed.error!.issues.find((i) => i.path.join('.') === 'summary')!;
    expect(decodeIssue(found.message)).toEqual({ key: 'tooLong', values: { maximum: 1500 } });
    expect(applicationDraftValuesSchema.parse({ summary: 'x'.repeat(1500) }).summary).toHaveLength(1500);
  });
});

describe('optional steps', () => {
  it('partners always; declarations and documents only when the call requires none', () => {
    const none = { requirements: [], slots: [{ id: 's', required: false }] };
    const some = { requirements: [{ id: req, required: true }], slots: [{ id: 's', required: true }] };
    expect(stepIsOptional('partners', some)).toBe(true);
    expect(stepIsOptional('declarations', none)).toBe(true);
    expect(stepIsOptional('documents', none)).toBe(true);
    expect(stepIsOptional('declarations', some)).toBe(false);
    expect(stepIsOptional('documents', some)).toBe(false);
    for (const step of ['project', 'reach', 'risks', 'budget'] as const) expect(stepIsOptional(step, none)).toBe(false);
  });
});

describe('a stored application read back for the view', () => {
  const stored = {
    title: 'Clean water',
    countries: ['SN'],
    themes: ['health'],
    requestedAmount: null,
    peopleToReach: 500,
    content: {
      summary: 'Wells.',
      durationMonths: 12,
      requestedAmount: 1.5,
      localPartners: [{ name: 'Partner', country: 'SN', role: 'Logistics' }],
      budgetLines: [{ label: 'Wells', amount: 'a lot' }],
      declarations: { '00000000-0000-4000-8000-000000000001': true },
      retiredField: 'from an older form',
    },
  };

  it('reads the columns and content with the draft schema: a number too odd for its column comes from content', () => {
    const values = applicationValuesOf(stored);
    expect(values).toMatchObject({
      title: 'Clean water',
      countries: ['SN'],
      peopleToReach: 500,
      requestedAmount: 1.5,
      summary: 'Wells.',
      durationMonths: 12,
      localPartners: [{ name: 'Partner', country: 'SN', role: 'Logistics' }],
      declarations: { '00000000-0000-4000-8000-000000000001': true },
    });
  });

  it('leaves out what does not parse and what the schema does not know, instead of failing', () => {
    const values = applicationValuesOf(stored);
    expect(values.budgetLines).toBeUndefined();
    expect(values).not.toHaveProperty('retiredField');
    expect(applicationValuesOf({ ...stored, content: null })).toMatchObject({ title: 'Clean water', requestedAmount: null });
  });
});
