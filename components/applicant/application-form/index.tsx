'use client';

import type { LibraryDocument } from '@/components/organisation/document-library';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { AutosaveStatus, RestoreOffer } from '@/components/forms/autosave-status';
import { keepTypedBeforeHydration, useTypedBeforeHydrationNoticed } from '@/components/forms/keep-typed';
import { useAutosave } from '@/components/forms/use-autosave';
import { Button } from '@/components/ui/button';
import { submitApplicationAction, saveApplicationDraftAction } from '@/lib/actions/applications';
import { applicationStepOrder, stepIssues, type ApplicationDraftValues, type ApplicationFormStep, type RuleIssue } from '@/lib/validations/application';
import { draftOf, formValuesOf, type ApplicationFormValues, type FileForForm, type RulesForForm } from '../types';
import { BudgetStep } from './budget-step';
import { ApplicationFormProvider, type ApplicationFormShared } from './context';
import { DeclarationsStep } from './declarations-step';
import { ProjectStep } from './project-step';
import { ReachStep } from './reach-step';
import { RisksStep } from './risks-step';
import { StepLacks } from './step-lacks';
import { StepNav } from './step-nav';

// Loaded when first shown, not with the page: the optional partners (their country list),
// the documents (uploads, the library) and the review (the whole application read back).
// next/dynamic is React.lazy in a Suspense that shows `loading` meanwhile; and when the
// page opens on one of them (?step=review), the server has the browser fetch its code
// along with the page's.
const PartnersStep = dynamic(() => import('./partners-step').then((m) => m.PartnersStep), { loading: StepLoading });
const DocumentsStep = dynamic(() => import('./documents-step').then((m) => m.DocumentsStep), { loading: StepLoading });
const ReviewStep = dynamic(() => import('./review-step').then((m) => m.ReviewStep), { loading: StepLoading });

/** In place of a step while its code loads (the step's heading stays above it). */
function StepLoading() {
  const t = useTranslations('common');
  return <p className="text-sm text-slate-600">{t('loading')}</p>;
}

/** Where this browser keeps an application's unsaved draft (the key older pages used too). */
const backupKey = (applicationId: string) => `eoi:application-draft:${applicationId}`;

/**
 * The application form: eight steps, one shown at a time, the draft saving itself as the
 * person types. Each step watches only its own fields (./context.tsx), so a keystroke
 * re-renders the step it is in, its mark in the list and the progress count, nothing else.
 */
export function ApplicationForm({
  applicationId,
  version,
  savedAt,
  reference,
  initial,
  rules,
  files: initialFiles,
  library,
  initialStep,
  deadline,
}: {
  applicationId: string;
  version: number;
  savedAt: string;
  reference: string | null;
  initial: ApplicationDraftValues;
  rules: RulesForForm;
  files: FileForForm[];
  /** The organisation's documents, to put into a slot without uploading again. */
  library: LibraryDocument[];
  initialStep: ApplicationFormStep;
  /** The close instant, rendered by the server (call zone and viewer's). */
  deadline: ReactNode;
}) {
  const t = useTranslations('application');
  const router = useRouter();
  const form = useForm<ApplicationFormValues>({ defaultValues: formValuesOf(initial) });
  const register = useMemo(() => keepTypedBeforeHydration(form), [form]);
  const [files, setFiles] = useState(initialFiles);
  const [step, setStep] = useState<ApplicationFormStep>(initialStep);
  const [visited, setVisited] = useState<ReadonlySet<ApplicationFormStep>>(() => new Set());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [declarationMissing, setDeclarationMissing] = useState(false);
  /** What the step just left with "Save and continue" still lacks (saved as a draft all the same). */
  const [lacking, setLacking] = useState<{ step: ApplicationFormStep; issues: RuleIssue[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const autosave = useAutosave<ApplicationDraftValues>({
    storageKey: backupKey(applicationId),
    version,
    savedAt: new Date(savedAt),
    getValues: () => draftOf(form.getValues()),
    save: (draft, base) => saveApplicationDraftAction({ applicationId, version: base, draft }),
    watch: form.watch,
  });
  const { flush } = autosave;
  useTypedBeforeHydrationNoticed(form);

  const uploaded = useMemo(() => files.map((f) => f.slotId), [files]);
  const shared = useMemo<ApplicationFormShared>(
    () => ({ applicationId, form, register, rules, files, setFiles, library, uploaded, visited }),
    [applicationId, form, register, rules, files, library, uploaded, visited],
  );
  /** A step's issues now (read when asked, not watched). */
  const issuesOf = (s: ApplicationFormStep) => (s === 'review' ? [] : stepIssues(s, draftOf(form.getValues()), rules, uploaded));

  const goTo = (next: ApplicationFormStep) => {
    void flush();
    setLacking(null);
    setVisited((v) => new Set(v).add(step));
    setStep(next);
    setSubmitError(null);
    window.history.replaceState(null, '', `?step=${next}`);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const index = applicationStepOrder.indexOf(step);

  const submit = async () => {
    setSubmitError(null);
    setVisited(new Set(applicationStepOrder));
    if (applicationStepOrder.some((s) => issuesOf(s).length > 0)) {
      setSubmitError(t('completeFirst'));
      return;
    }
    setSubmitting(true);
    try {
      const saved = await flush();
      if (!saved) {
        setSubmitError(t('saveBeforeSubmit'));
        return;
      }
      const result = await submitApplicationAction({ applicationId, version: autosave.version() });
      if (result.ok) {
        autosave.forget();
        router.push(`/applications/${applicationId}?submitted=1`);
        return;
      }
      setSubmitError(result.error);
      setDeclarationMissing(!!result.fieldErrors?.selfDeclaration);
    } catch {
      setSubmitError(t('submitOffline'));
    } finally {
      setSubmitting(false);
    }
  };

  const stepContent: Record<ApplicationFormStep, () => ReactNode> = {
    project: () => <ProjectStep />,
    reach: () => <ReachStep />,
    partners: () => <PartnersStep />,
    risks: () => <RisksStep />,
    budget: () => <BudgetStep />,
    declarations: () => <DeclarationsStep />,
    documents: () => <DocumentsStep />,
    review: () => (
      <ReviewStep
        goTo={goTo}
        submit={() => void submit()}
        submitting={submitting}
        submitError={submitError}
        declarationMissing={declarationMissing}
        resubmission={!!reference}
        blocked={autosave.state.kind === 'conflict'}
      />
    ),
  };

  return (
    <ApplicationFormProvider value={shared}>
      <div className="grid gap-4 lg:grid-cols-[15rem_1fr] lg:gap-8">
        <StepNav step={step} goTo={goTo} />

        <div className="min-w-0 space-y-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="space-y-1 text-sm text-slate-600">
              <div>{deadline}</div>
              {reference && <div>{t('referenceKept', { reference })}</div>}
            </div>
            <AutosaveStatus
              state={autosave.state}
              testId="save-status"
              words={{ saved: (time) => t('savedAt', { time }), dirty: t('unsaved'), saving: t('saving'), error: (error) => t('saveFailed', { error }) }}
            />
          </div>
          {autosave.offer && (
            <RestoreOffer
              offer={autosave.offer}
              currentVersion={autosave.version()}
              warning={t('restoreWarning')}
              onRestore={() => {
                form.reset(formValuesOf(autosave.offer!.draft));
                autosave.takeOffer();
              }}
              onDiscard={autosave.discardOffer}
            />
          )}
          <form
            noValidate
            aria-labelledby="step-heading"
            onSubmit={(e) => {
              e.preventDefault();
              if (step === 'review') void submit();
              else {
                // Saved as a draft whatever it holds; what the step still lacks is said at once.
                const left = { step, issues: issuesOf(step) };
                goTo(applicationStepOrder[index + 1]);
                setVisited((v) => new Set(v).add(left.step));
                if (left.issues.length) setLacking(left);
              }
            }}
            className="space-y-6"
          >
            <h2 id="step-heading" ref={heading} tabIndex={-1} className="outline-none">
              {t('stepHeading', { n: index + 1, total: applicationStepOrder.length, step: t(`steps.${step}`) })}
            </h2>
            {lacking && <StepLacks step={lacking.step} issues={lacking.issues} goBack={() => goTo(lacking.step)} />}
            {stepContent[step]()}
            {step !== 'review' && (
              <div className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
                {index > 0 ? (
                  <Button type="button" variant="secondary" onClick={() => goTo(applicationStepOrder[index - 1])}>
                    {t('previous')}
                  </Button>
                ) : (
                  <span />
                )}
                <Button type="submit">{t('saveAndContinue')}</Button>
              </div>
            )}
          </form>
        </div>
      </div>
    </ApplicationFormProvider>
  );
}
