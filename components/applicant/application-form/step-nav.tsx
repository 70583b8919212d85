'use client';

import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { applicationStepOrder, stepIsOptional, stepIssues, type ApplicationFormStep } from '@/lib/validations/application';
import { cn } from '@/lib/utils';
import { draftOf, type ApplicationFormValues } from '../types';
import { useApplicationForm, useStepIssues } from './context';

/** One step in the list: done, optional or not yet, from its own fields only. */
function StepItem({ step, index, current, onGo }: { step: ApplicationFormStep; index: number; current: boolean; onGo: () => void }) {
  const t = useTranslations('application');
  const { rules } = useApplicationForm();
  const issues = useStepIssues(step);
  const optional = step !== 'review' && stepIsOptional(step, rules) && issues.length === 0;
  const done = step !== 'review' && !optional && issues.length === 0;
  return (
    <li>
      <button
        type="button"
        onClick={onGo}
        aria-current={current ? 'step' : undefined}
        data-testid={`step-${step}`}
        data-complete={step === 'review' ? undefined : optional ? 'optional' : String(done)}
        className={cn(
          'flex items-center gap-2 rounded-md px-2 py-2 text-start text-sm lg:w-full lg:px-3',
          current ? 'bg-brand-50 font-semibold text-brand-800' : 'hover:bg-slate-100',
        )}
      >
        <span
          aria-hidden
          className={cn(
            'inline-flex size-6 shrink-0 items-center justify-center rounded-full border text-xs',
            done ? 'border-green-600 bg-green-600 text-white' : 'border-slate-300 text-slate-600',
          )}
        >
          {done ? '✓' : index + 1}
        </span>
        <span className={current ? undefined : 'sr-only lg:not-sr-only'}>
          {t(`steps.${step}`)}
          {step !== 'review' && <span className="sr-only"> ({optional ? t('stepOptional') : done ? t('stepComplete') : t('stepIncomplete')})</span>}
          {optional && (
            <span aria-hidden className="ms-1 text-xs font-normal text-slate-500">
              ({t('optional')})
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

/** "n of m steps complete": the steps the call requires something in (the whole form, watched). */
function ProgressCount() {
  const t = useTranslations('application');
  const { form, rules, uploaded } = useApplicationForm();
  const values = useWatch({ control: form.control }) as ApplicationFormValues;
  const draft = draftOf(values);
  const required = applicationStepOrder.filter((s) => s !== 'review' && !stepIsOptional(s, rules));
  const done = required.filter((s) => stepIssues(s, draft, rules, uploaded).length === 0).length;
  return (
    <p className="mt-2 px-2 text-xs text-slate-600 lg:mt-4 lg:px-3" data-testid="progress-count">
      {t('progressCount', { done, total: required.length })}
    </p>
  );
}

/** The steps, each marked done or not, and how many of the required ones are done. */
export function StepNav({ step, goTo }: { step: ApplicationFormStep; goTo: (step: ApplicationFormStep) => void }) {
  const t = useTranslations('application');
  return (
    <nav aria-label={t('progress')}>
      {/* On a phone, one row of numbered steps (the current one named) above the form, not a screen of them. */}
      <ol className="flex flex-wrap gap-1 lg:block lg:space-y-1">
        {applicationStepOrder.map((s, i) => (
          <StepItem key={s} step={s} index={i} current={s === step} onGo={() => goTo(s)} />
        ))}
      </ol>
      <ProgressCount />
    </nav>
  );
}
