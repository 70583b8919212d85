'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { setDisagreementThresholdsAction } from '@/lib/actions/assignments';
import { disagreementThresholdsSchema } from '@/lib/validations/assignment';

/** The disagreement thresholds of the ranking, seen and changed in place. */
export function ThresholdsForm({ callId, range, stddev }: { callId: string; range: number; stddev: number }) {
  const t = useTranslations('ranking');
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(disagreementThresholdsSchema, setDisagreementThresholdsAction, {
    defaultValues: { callId, disagreementRange: range, disagreementStddev: stddev },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t('thresholds')} noValidate onChange={() => setSaved(false)}>
      <FormError message={formError} />
      <div className="flex flex-wrap items-start gap-3">
        <Field id="threshold-range" label={t('thresholdRange')} error={errorOf('disagreementRange')}>
          {(props) => <Input {...props} type="number" step="0.01" min={0} max={100} className="w-28" {...form.register('disagreementRange', { valueAsNumber: true })} />}
        </Field>
        <Field id="threshold-stddev" label={t('thresholdStddev')} error={errorOf('disagreementStddev')}>
          {(props) => <Input {...props} type="number" step="0.01" min={0} max={100} className="w-28" {...form.register('disagreementStddev', { valueAsNumber: true })} />}
        </Field>
        <Button type="submit" variant="secondary" pending={pending} className="mt-6">
          {t('saveThresholds')}
        </Button>
      </div>
      <p className="text-xs text-slate-600">{t('thresholdsHint')}</p>
      <p className="text-sm text-green-800" aria-live="polite">
        {saved ? t('thresholdsSaved') : ''}
      </p>
    </form>
  );
}
