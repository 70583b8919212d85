'use client';

import { useTranslations } from 'next-intl';
import { createContext, use, useMemo, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useWatch, type Path, type UseFormRegister, type UseFormReturn } from 'react-hook-form';
import { TextLimit } from '@/components/forms/text-limit';
import { applicationDraftValuesSchema, applicationStepFields, stepIssues, type ApplicationFormStep, type RuleIssue } from '@/lib/validations/application';
import { translateIssue } from '@/lib/validations/translate-issue';
import { decodeIssue, maxLengthOf } from '@/lib/validations/issues';
import type { LibraryDocument } from '@/components/organisation/document-library';
import { partialDraftOf, type ApplicationFormValues, type FileForForm, type RulesForForm } from '../types';

/** What every step of the application form shares (stable while the person types). */
export type ApplicationFormShared = {
  applicationId: string;
  form: UseFormReturn<ApplicationFormValues>;
  /** `register` that keeps what was typed before hydration (components/forms/keep-typed.ts). */
  register: UseFormRegister<ApplicationFormValues>;
  rules: RulesForForm;
  files: FileForForm[];
  setFiles: Dispatch<SetStateAction<FileForForm[]>>;
  /** The organisation's library of documents. */
  library: LibraryDocument[];
  /** The slots with a file: what the documents step's rules check. */
  uploaded: string[];
  /** The steps left at least once: their errors are shown. */
  visited: ReadonlySet<ApplicationFormStep>;
};

const Shared = createContext<ApplicationFormShared | null>(null);

export function ApplicationFormProvider({ value, children }: { value: ApplicationFormShared; children: ReactNode }) {
  return <Shared value={value}>{children}</Shared>;
}

export function useApplicationForm(): ApplicationFormShared {
  const shared = use(Shared);
  if (!shared) throw new Error('useApplicationForm outside <ApplicationFormProvider>');
  return shared;
}

/** A text field's limit and live count; the limit is the draft schema's. */
export function Counter({ name, fieldId }: { name: Path<ApplicationFormValues>; fieldId: string }) {
  const { form } = useApplicationForm();
  return <TextLimit control={form.control} name={name} fieldId={fieldId} max={maxLengthOf(applicationDraftValuesSchema, name)} />;
}
export const counter = (name: Path<ApplicationFormValues>, fieldId: string) => <Counter name={name} fieldId={fieldId} />;

/** One step's own values, watched (and nothing else): a keystroke elsewhere does not re-render it. */
export function useStepValues(step: ApplicationFormStep): Partial<ApplicationFormValues> {
  const { form } = useApplicationForm();
  const names = applicationStepFields[step] as Path<ApplicationFormValues>[];
  const watched = useWatch({ control: form.control, name: names }) as unknown[];
  return Object.fromEntries(names.map((name, i) => [name, watched[i]])) as Partial<ApplicationFormValues>;
}

/** What keeps one step from being complete, from its own values only. */
export function useStepIssues(step: ApplicationFormStep): RuleIssue[] {
  const { rules, uploaded } = useApplicationForm();
  const values = useStepValues(step);
  const json = JSON.stringify(values);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the values' JSON stands for them, a new object each render
  return useMemo(() => (step === 'review' ? [] : stepIssues(step, partialDraftOf(values), rules, uploaded)), [step, json, rules, uploaded]);
}

/**
 * A step's issues and its fields' errors: shown once the step has been left (or at review).
 * Text beyond its limit is said at once: the draft cannot be saved with it, and the field
 * keeps it all.
 */
export function useStep(step: ApplicationFormStep) {
  const { visited } = useApplicationForm();
  const tv = useTranslations('validation');
  const issues = useStepIssues(step);
  const errorOf = (path: string): string | undefined => {
    const found = issues.find((i) => i.path === path);
    if (!found) return undefined;
    if (!visited.has(step) && decodeIssue(found.message).key !== 'tooLong') return undefined;
    return translateIssue(tv, found.message);
  };
  return { issues, errorOf };
}
