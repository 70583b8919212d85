'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { signSelfDeclarationAction } from '@/lib/actions/organisations';
import { selfDeclarationSchema, selfDeclarationStatements } from '@/lib/validations/organisation';

/** The self-declaration: every statement ticked, signed with a name and a title (the date is the server's). */
export function SelfDeclarationForm({ organisationId, signerName }: { organisationId: string; signerName: string }) {
  const t = useTranslations('organisation');
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, counter, pending } = useActionForm(selfDeclarationSchema, signSelfDeclarationAction, {
    defaultValues: {
      organisationId,
      noSanctions: false as never,
      noFraudFindings: false as never,
      pseaPolicy: false as never,
      noConflictOfInterest: false as never,
      informationAccurate: false as never,
      signedByName: signerName,
      signedByTitle: '',
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t('declarationTitle')}>
      <FormError message={formError} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t('declarationIntro')}</legend>
        {selfDeclarationStatements.map((key) => {
          const error = errorOf(key);
          return (
            <div key={key}>
              <label className="flex items-start gap-2 text-sm">
                <Checkbox
                  className="mt-0.5"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${key}-error` : undefined}
                  {...form.register(key)}
                />
                <span>{t(`declaration.${key}`)}</span>
              </label>
              <p id={`${key}-error`} className="ms-6 text-sm text-red-700" aria-live="polite">
                {error}
              </p>
            </div>
          );
        })}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="signedByName" counter={counter('signedByName', 'signedByName')} label={t('signedByName')} error={errorOf('signedByName')} required>
          {(p) => <Input autoComplete="name" {...p} {...form.register('signedByName')} />}
        </Field>
        <Field id="signedByTitle" counter={counter('signedByTitle', 'signedByTitle')} label={t('signedByTitle')} error={errorOf('signedByTitle')} required>
          {(p) => <Input autoComplete="organization-title" {...p} {...form.register('signedByTitle')} />}
        </Field>
      </div>
      <Button type="submit" pending={pending}>
        {t('signDeclaration')}
      </Button>
    </form>
  );
}
