import { inLanguage, shownLanguage } from '@/lib/calls/languages';
import type { ApplicationDetail } from '@/lib/data/applications';
import type { Locale } from '@/lib/i18n/config';
import { countryName } from '@/lib/reference/countries';
import type { FileForForm, RulesForForm } from './types';

/**
 * The parts of an application's detail its client components receive (plain, serialisable),
 * with the call's declarations and documents in the reader's language where the call has it.
 */
export function rulesForForm(detail: ApplicationDetail, locale?: Locale): RulesForForm {
  const { rules } = detail;
  const shown = locale ? shownLanguage(rules.call, locale).locale : (rules.call.locale as Locale);
  return {
    countries: rules.countries,
    countryNames: Object.fromEntries(rules.countries.map((code) => [code, countryName(code, locale ?? rules.call.locale)])),
    themes: rules.themes,
    minBudget: rules.minBudget,
    maxBudget: rules.maxBudget,
    currency: rules.currency,
    requirements: rules.requirements.map(({ translations, ...r }) => inLanguage(r, translations, shown, rules.call.locale)),
    slots: rules.slots.map(({ translations, ...s }) => inLanguage(s, translations, shown, rules.call.locale)),
  };
}

export function filesForForm(detail: ApplicationDetail): FileForForm[] {
  return detail.files.map((f) => ({ slotId: f.slotId, fileName: f.fileName, size: f.size, sha256: f.sha256, uploadedAt: f.uploadedAt.toISOString() }));
}
