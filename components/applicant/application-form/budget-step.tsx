'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { money } from '@/components/calls/format';
import { toNumberOrNull } from '@/components/forms/number';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { counter, useApplicationForm, useStep, useStepValues } from './context';

/** Step 5: duration, the amount requested and the budget lines that add up to it. */
export function BudgetStep() {
  const t = useTranslations('application');
  const format = useFormatter();
  const { form, register, rules } = useApplicationForm();
  const { errorOf } = useStep('budget');
  const { requestedAmount, budgetLines } = useStepValues('budget');
  const lines = useFieldArray({ control: form.control, name: 'budgetLines' });
  const linesTotal = (budgetLines ?? []).reduce((sum, l) => sum + (Number.isFinite(l?.amount) ? Number(l!.amount) : 0), 0);

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="durationMonths" label={t('fields.durationMonths')} error={errorOf('durationMonths')} required>
          {(p) => <Input type="number" inputMode="numeric" min={1} max={60} step={1} {...p} {...register('durationMonths', { setValueAs: toNumberOrNull })} />}
        </Field>
        <Field
          id="requestedAmount"
          label={t('fields.requestedAmountIn', { currency: rules.currency })}
          hint={
            rules.minBudget !== null && rules.maxBudget !== null
              ? t('amountRange', { min: money(format, rules.minBudget, rules.currency), max: money(format, rules.maxBudget, rules.currency) })
              : undefined
          }
          error={errorOf('requestedAmount')}
          required
        >
          {(p) => <Input type="number" inputMode="numeric" min={0} step={1} {...p} {...register('requestedAmount', { setValueAs: toNumberOrNull })} />}
        </Field>
      </div>
      <fieldset className="space-y-3" aria-describedby="budgetLines-error budgetLines-total">
        <legend className="text-sm font-medium text-slate-800">{t('budgetLines')}</legend>
        <p className="text-xs text-slate-600">{t('budgetLinesHint')}</p>
        {lines.fields.map((row, i) => (
          <div key={row.id} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
            <Field
              id={`line-${i}-label`}
              counter={counter(`budgetLines.${i}.label`, `line-${i}-label`)}
              label={t('lineLabel', { n: i + 1 })}
              error={errorOf(`budgetLines.${i}.label`)}
              required
            >
              {(p) => <Input {...p} {...register(`budgetLines.${i}.label`)} />}
            </Field>
            <Field id={`line-${i}-amount`} label={t('lineAmount', { n: i + 1 })} error={errorOf(`budgetLines.${i}.amount`)} required>
              {(p) => <Input type="number" inputMode="numeric" min={0} step={1} {...p} {...register(`budgetLines.${i}.amount`, { setValueAs: toNumberOrNull })} />}
            </Field>
            <Button type="button" variant="ghost" size="sm" className="sm:mt-7" onClick={() => lines.remove(i)}>
              {t('removeLine', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <p id="budgetLines-total" className="text-sm text-slate-700" data-testid="budget-total">
          {typeof requestedAmount === 'number' && Number.isFinite(requestedAmount)
            ? t('linesTotal', { total: money(format, linesTotal, rules.currency), requested: money(format, requestedAmount, rules.currency) })
            : t('linesTotalNothingRequested', { total: money(format, linesTotal, rules.currency) })}
        </p>
        <p id="budgetLines-error" className="text-sm text-red-700" aria-live="polite">
          {errorOf('budgetLines')}
        </p>
        <Button type="button" variant="secondary" size="sm" onClick={() => lines.append({ label: '', amount: null })}>
          {t('addLine')}
        </Button>
      </fieldset>
    </div>
  );
}
