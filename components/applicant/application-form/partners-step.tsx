'use client';

import { useTranslations } from 'next-intl';
import { LocalPartnersFields } from '@/components/forms/local-partners-fields';
import { counter, useApplicationForm, useStep } from './context';

/** Step 3 (optional): the local partners. */
export function PartnersStep() {
  const t = useTranslations('application');
  const { form, register } = useApplicationForm();
  const { errorOf } = useStep('partners');
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('partnersIntro')}</p>
      <LocalPartnersFields control={form.control} register={register} errorOf={errorOf} counter={counter} idPrefix="lp" empty={t('noPartners')} />
    </div>
  );
}
