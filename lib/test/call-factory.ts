import crypto from 'node:crypto';
import { toZonedInput } from '@/lib/time/zoned';
import type { CallFormInput } from '@/lib/validations/call';

const DAY = 86_400_000;

/** A complete, valid call editor input: ready to open, closing in `closesInDays`. */
export function callInput(overrides: Partial<CallFormInput> = {}, closesInDays = 30): CallFormInput {
  const zone = overrides.timeZone ?? 'Europe/Zurich';
  const at = (days: number) => toZonedInput(new Date(Date.now() + days * DAY), zone);
  return {
    title: 'Test call for diaspora projects',
    slug: `test-call-${crypto.randomBytes(4).toString('hex')}`,
    summary: 'A call made by a test.',
    description: 'Some **markdown**.',
    funder: 'Test Fund',
    countries: ['LB', 'TN'],
    themes: ['education'],
    currency: 'USD',
    minBudget: 10_000,
    maxBudget: 100_000,
    envelope: 300_000,
    expectedPartners: 3,
    reviewersPerApplication: 2,
    blindReview: false,
    showPeerScores: false,
    timeZone: zone,
    opensAt: at(-1),
    clarificationDeadline: at(closesInDays - 5),
    closesAt: at(closesInDays),
    reviewDeadline: at(closesInDays + 20),
    resultsExpectedAt: at(closesInDays + 40),
    criteria: [
      { name: 'Relevance', guidance: 'Is it needed?', weight: 60, scaleMin: 0, scaleMax: 5 },
      { name: 'Feasibility', guidance: 'Can it be done?', weight: 40, scaleMin: 0, scaleMax: 5 },
    ],
    requirements: [{ statement: 'We are a registered non-profit.', required: true }],
    slots: [
      { name: 'Proposal', description: '', required: true, acceptedTypes: ['pdf'], maxSizeMb: 5 },
      { name: 'Budget', description: '', required: false, acceptedTypes: ['xlsx', 'pdf'], maxSizeMb: 5 },
    ],
    ...overrides,
  };
}
