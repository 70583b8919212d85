'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';
import { screenApplicationAction } from '@/lib/actions/screening';
import { eligibilityValues, screenApplicationSchema } from '@/lib/validations/screening';

/** One application's screening decision: eligible, ineligible (with the reason) or not screened. */
export function ScreeningControl({
  applicationId,
  reference,
  eligibility,
  reason,
}: {
  applicationId: string;
  reference: string;
  eligibility: (typeof eligibilityValues)[number];
  reason: string | null;
}) {
  const t = useTranslations('screening');
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(screenApplicationSchema, screenApplicationAction, {
    defaultValues: { applicationId, eligibility, reason: reason ?? '' },
    onSuccess: () => {
      form.reset(form.getValues());
      router.refresh();
    },
  });
  const chosen = form.watch('eligibility');
  const id = `screen-${applicationId}`;
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t('eligibilityOf', { reference })} noValidate>
      <FormError message={formError} />
      <div className="flex flex-wrap items-start gap-2">
        <Field id={`${id}-eligibility`} label={<span className="sr-only">{t('eligibilityOf', { reference })}</span>} error={errorOf('eligibility')}>
          {(props) => (
            <Select {...props} {...form.register('eligibility')} className="w-44">
              {eligibilityValues.map((v) => (
                <option key={v} value={v}>
                  {t(`eligibility.${v}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" size="sm" variant="secondary" pending={pending} disabled={!form.formState.isDirty} className="mt-1">
          {t('save')}
        </Button>
      </div>
      {chosen === 'ineligible' && (
        <Field id={`${id}-reason`} counter={counter('reason', `${id}-reason`)} label={t('reasonOf', { reference })} error={errorOf('reason')} required>
          {(props) => <Textarea {...props} {...form.register('reason')} rows={2} />}
        </Field>
      )}
    </form>
  );
}
