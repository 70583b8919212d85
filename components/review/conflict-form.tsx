'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { declareConflictAction } from '@/lib/actions/reviews';
import { declareConflictSchema } from '@/lib/validations/review';

/** The declaration a reviewer makes before an application's content is shown. */
export function ConflictForm({ assignmentId }: { assignmentId: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const [choice, setChoice] = useState<'no' | 'yes' | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(declareConflictSchema, declareConflictAction, {
    defaultValues: { assignmentId, conflict: undefined as unknown as boolean, reason: '' },
    onSuccess: (data) => {
      if (data.conflict) router.push('/review?declared=conflict');
      else router.refresh();
    },
  });

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice === 'yes' && !(await confirm(t('confirmConflict'), { confirmLabel: t('hasConflict') }))) return;
    void onSubmit();
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t('declaration')} noValidate>
      {confirmDialog}
      <FormError message={formError} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t('declaration')}</legend>
        {(['no', 'yes'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="conflict"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                form.setValue('conflict', value === 'yes', { shouldValidate: false });
              }}
              className="size-4 accent-brand-600"
            />
            {value === 'no' ? t('noConflict') : t('hasConflict')}
          </label>
        ))}
        <p className="text-sm text-red-700" aria-live="polite">
          {errorOf('conflict')}
        </p>
      </fieldset>
      {choice === 'yes' && (
        <Field id="conflict-reason" counter={counter('reason', 'conflict-reason')} label={t('conflictReason')} hint={t('conflictReasonHint')} error={errorOf('reason')} required>
          {(props) => <Textarea {...props} {...form.register('reason')} rows={3} />}
        </Field>
      )}
      <Button type="submit" pending={pending} disabled={!choice}>
        {t('confirmDeclaration')}
      </Button>
    </form>
  );
}
