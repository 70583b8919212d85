import type { ApplicationViewDocument } from '@/components/applications/application-view';
import type { ApplicationDraftValues, ApplicationRules } from '@/lib/validations/application';

/** What the applicant's pages pass to their client components (dates as ISO strings). */
export type RulesForForm = Omit<ApplicationRules, 'requirements' | 'slots'> & {
  /** The call's countries' names in the reader's language, from the server: the form's first script carries no table of every country's name. */
  countryNames: Record<string, string>;
  requirements: { id: string; statement: string; required: boolean }[];
  slots: { id: string; name: string; description: string; required: boolean; acceptedTypes: string[]; maxSizeBytes: number }[];
};

export type FileForForm = { slotId: string; fileName: string; size: number; sha256: string; uploadedAt: string };

/** The form's values in react-hook-form: every field present, numbers null when empty. */
export type ApplicationFormValues = {
  title: string;
  countries: string[];
  themes: string[];
  summary: string;
  objectives: string;
  activities: string;
  targetPopulation: string;
  peopleToReach: number | null;
  localPartners: { name: string; country: string; role: string }[];
  risks: { risk: string; mitigation: string }[];
  durationMonths: number | null;
  requestedAmount: number | null;
  budgetLines: { label: string; amount: number | null }[];
  declarations: Record<string, boolean>;
};

export function formValuesOf(draft: ApplicationDraftValues): ApplicationFormValues {
  return {
    title: draft.title ?? '',
    countries: draft.countries ?? [],
    themes: draft.themes ?? [],
    summary: draft.summary ?? '',
    objectives: draft.objectives ?? '',
    activities: draft.activities ?? '',
    targetPopulation: draft.targetPopulation ?? '',
    peopleToReach: draft.peopleToReach ?? null,
    localPartners: (draft.localPartners ?? []).map((p) => ({ name: p.name ?? '', country: p.country ?? '', role: p.role ?? '' })),
    risks: (draft.risks ?? []).map((r) => ({ risk: r.risk ?? '', mitigation: r.mitigation ?? '' })),
    durationMonths: draft.durationMonths ?? null,
    requestedAmount: draft.requestedAmount ?? null,
    budgetLines: (draft.budgetLines ?? []).map((l) => ({ label: l.label ?? '', amount: l.amount ?? null })),
    declarations: draft.declarations ?? {},
  };
}

const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** The values as the draft save sends them: no NaN, nothing the server would call malformed. */
export function draftOf(values: ApplicationFormValues): ApplicationDraftValues {
  return {
    title: values.title,
    countries: values.countries,
    themes: values.themes,
    summary: values.summary,
    objectives: values.objectives,
    activities: values.activities,
    targetPopulation: values.targetPopulation,
    peopleToReach: num(values.peopleToReach),
    localPartners: values.localPartners.map((p) => ({ name: p.name, country: p.country, role: p.role })),
    risks: values.risks.map((r) => ({ risk: r.risk, mitigation: r.mitigation })),
    durationMonths: num(values.durationMonths),
    requestedAmount: num(values.requestedAmount),
    budgetLines: values.budgetLines.map((l) => ({ label: l.label, amount: num(l.amount) })),
    declarations: values.declarations,
  };
}

/** Where a slot's file is uploaded, replaced, removed and downloaded. */
export function fileUrl(applicationId: string, slotId: string) {
  return `/api/applications/${applicationId}/files/${slotId}`;
}

/** Some of the form's values (one step's) as the draft save would send them: see `draftOf`. */
export function partialDraftOf(values: Partial<ApplicationFormValues>): ApplicationDraftValues {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (key === 'peopleToReach' || key === 'durationMonths' || key === 'requestedAmount') out[key] = num(value as number | null);
    else if (key === 'budgetLines') out[key] = (value as ApplicationFormValues['budgetLines']).map((l) => ({ label: l.label, amount: num(l.amount) }));
    else out[key] = value;
  }
  return out as ApplicationDraftValues;
}

/** The call's document slots, each with its file once uploaded, as the application view lists them. */
export function documentsForView(applicationId: string, rules: Pick<RulesForForm, 'slots'>, files: FileForForm[]): ApplicationViewDocument[] {
  return rules.slots.map((slot) => {
    const file = files.find((f) => f.slotId === slot.id);
    return { key: slot.id, slotName: slot.name, file: file ? { fileName: file.fileName, size: file.size, href: fileUrl(applicationId, slot.id) } : null };
  });
}
