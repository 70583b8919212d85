'use client';

import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { counter, useApplicationForm, useStep } from './context';

/** Step 4: the risks and how each is mitigated. */
export function RisksStep() {
  const t = useTranslations('application');
  const { form, register } = useApplicationForm();
  const { errorOf } = useStep('risks');
  const risks = useFieldArray({ control: form.control, name: 'risks' });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('risksIntro')}</p>
      {risks.fields.map((row, i) => (
        <div key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          <Field id={`risk-${i}`} counter={counter(`risks.${i}.risk`, `risk-${i}`)} label={t('riskLabel', { n: i + 1 })} error={errorOf(`risks.${i}.risk`)} required>
            {(p) => <Textarea rows={2} {...p} {...register(`risks.${i}.risk`)} />}
          </Field>
          <Field
            id={`mitigation-${i}`}
            counter={counter(`risks.${i}.mitigation`, `mitigation-${i}`)}
            label={t('mitigationLabel', { n: i + 1 })}
            error={errorOf(`risks.${i}.mitigation`)}
            required
          >
            {(p) => <Textarea rows={2} {...p} {...register(`risks.${i}.mitigation`)} />}
          </Field>
          <Button type="button" variant="ghost" size="sm" className="sm:mt-7" onClick={() => risks.remove(i)}>
            {t('removeRisk', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <p className="text-sm text-red-700" aria-live="polite">
        {errorOf('risks')}
      </p>
      <Button type="button" variant="secondary" size="sm" onClick={() => risks.append({ risk: '', mitigation: '' })}>
        {t('addRisk')}
      </Button>
    </div>
  );
}
