'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { reviewReportAction } from '@/lib/actions/reports';
import { useRouter } from '@/lib/i18n/navigation';
import { reviewReportSchema } from '@/lib/validations/reports';

/** The admin's decision on a submitted report: accept it, or ask for changes (the comment is then required). */
export function ReviewReportForm({ reportId }: { reportId: string }) {
  const t = useTranslations('reports');
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(reviewReportSchema, reviewReportAction, {
    defaultValues: { reportId, decision: 'accept', comment: '' },
    onSuccess: () => router.refresh(),
  });
  const decide = (decision: 'accept' | 'request_changes') => {
    form.setValue('decision', decision);
    void onSubmit();
  };
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label={t('reviewTitle')}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <FormError message={formError} />
      <Field id="review-comment" label={t('reviewComment')} hint={t('reviewCommentHint')} error={errorOf('comment')} counter={counter('comment', 'review-comment')}>
        {(p) => <Textarea rows={4} {...p} {...form.register('comment')} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={pending && form.getValues('decision') === 'accept'} disabled={pending} onClick={() => decide('accept')}>
          {t('accept')}
        </Button>
        <Button type="button" variant="secondary" pending={pending && form.getValues('decision') === 'request_changes'} disabled={pending} onClick={() => decide('request_changes')}>
          {t('requestChanges')}
        </Button>
      </div>
    </form>
  );
}
