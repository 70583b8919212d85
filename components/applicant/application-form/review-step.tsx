'use client';

import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { Link } from '@/lib/i18n/navigation';
import { FormError } from '@/components/forms/form-error';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { applicationStepOrder, stepIssues, type ApplicationFormStep } from '@/lib/validations/application';
import { ApplicationView } from '@/components/applications/application-view';
import { documentsForView, draftOf, type ApplicationFormValues } from '../types';
import { useApplicationForm } from './context';

/** Step 8: what is still missing, the whole application read back, and the submit button. */
export function ReviewStep({
  goTo,
  submit,
  submitting,
  submitError,
  declarationMissing,
  resubmission,
  blocked,
}: {
  goTo: (step: ApplicationFormStep) => void;
  submit: () => void;
  submitting: boolean;
  submitError: string | null;
  /** Refused for want of the organisation's self-declaration: the error links to where it is signed. */
  declarationMissing: boolean;
  /** Submitted before and reopened: the button says "submit again". */
  resubmission: boolean;
  /** Saving stopped (a stale version): no submitting until a reload. */
  blocked: boolean;
}) {
  const t = useTranslations('application');
  const { applicationId, form, rules, files, uploaded } = useApplicationForm();
  const draft = draftOf(useWatch({ control: form.control }) as ApplicationFormValues);
  const issues = applicationStepOrder.map((s) => ({ step: s, count: s === 'review' ? 0 : stepIssues(s, draft, rules, uploaded).length }));
  const incomplete = issues.filter((i) => i.count > 0);

  return (
    <div className="space-y-6">
      {incomplete.length > 0 ? (
        <Alert tone="warning">
          <p className="font-medium">{t('missingTitle')}</p>
          <ul className="mt-2 list-disc space-y-1 ps-6">
            {incomplete.map(({ step, count }) => (
              <li key={step}>
                <button type="button" className="underline" onClick={() => goTo(step)}>
                  {t(`steps.${step}`)}
                </button>
                {': '}
                {t('issuesCount', { count })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success">{t('readyToSubmit')}</Alert>
      )}
      <ApplicationView values={draft} currency={rules.currency} requirements={rules.requirements} documents={documentsForView(applicationId, rules, files)} headingLevel={3} />
      <FormError message={submitError} />
      {submitError && declarationMissing && (
        <Link href="/organisation#declaration" className="inline-block font-medium text-brand-700 underline">
          {t('signDeclaration')}
        </Link>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" size="lg" onClick={submit} pending={submitting} disabled={blocked}>
          {resubmission ? t('submitAgain') : t('submit')}
        </Button>
        <p className="text-sm text-slate-600">{t('submitHint')}</p>
      </div>
    </div>
  );
}
