'use client';

import { useTranslations } from 'next-intl';
import { toNumberOrNull } from '@/components/forms/number';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { counter, useApplicationForm, useStep } from './context';

/** Step 2: who the project reaches, and how many. */
export function ReachStep() {
  const t = useTranslations('application');
  const { register } = useApplicationForm();
  const { errorOf } = useStep('reach');
  return (
    <div className="space-y-4">
      <Field
        id="targetPopulation"
        counter={counter('targetPopulation', 'targetPopulation')}
        label={t('fields.targetPopulation')}
        hint={t('targetPopulationHint')}
        error={errorOf('targetPopulation')}
        required
      >
        {(p) => <Textarea rows={5} {...p} {...register('targetPopulation')} />}
      </Field>
      <Field id="peopleToReach" label={t('fields.peopleToReach')} error={errorOf('peopleToReach')} required className="max-w-xs">
        {(p) => <Input type="number" inputMode="numeric" min={1} step={1} {...p} {...register('peopleToReach', { setValueAs: toNumberOrNull })} />}
      </Field>
    </div>
  );
}
