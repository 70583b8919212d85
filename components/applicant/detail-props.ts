import type { ApplicationDetail } from '@/lib/data/applications';
import type { FileForForm, RulesForForm } from './types';

/** The parts of an application's detail its client components receive (plain, serialisable). */
export function rulesForForm(detail: ApplicationDetail): RulesForForm {
  const { rules } = detail;
  return {
    countries: rules.countries,
    themes: rules.themes,
    minBudget: rules.minBudget,
    maxBudget: rules.maxBudget,
    currency: rules.currency,
    requirements: rules.requirements,
    slots: rules.slots,
  };
}

export function filesForForm(detail: ApplicationDetail): FileForForm[] {
  return detail.files.map((f) => ({ slotId: f.slotId, fileName: f.fileName, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt.toISOString() }));
}
