'use client';

import { useTranslations } from 'next-intl';
import { Controller } from 'react-hook-form';
import { typedBeforeHydration } from '@/components/forms/keep-typed';
import { Field } from '@/components/ui/field';
import { Checkbox, Input, Textarea } from '@/components/ui/input';
import { themeCodes } from '@/lib/reference/themes';
import { themeLabel } from '@/lib/i18n/themes';
import { counter, useApplicationForm, useStep } from './context';

/** Step 1: the project's title, countries, themes, summary, objectives and activities. */
export function ProjectStep() {
  const t = useTranslations('application');
  const tt = useTranslations('themes');
  const { form, register, rules } = useApplicationForm();
  const { errorOf } = useStep('project');
  const themeChoices = rules.themes.length ? rules.themes : themeCodes;
  const choices = [
    { name: 'countries' as const, legend: t('fields.countries'), hint: t('countriesHint'), codes: rules.countries, label: (code: string) => rules.countryNames[code] ?? code },
    { name: 'themes' as const, legend: t('fields.themes'), hint: null, codes: themeChoices, label: (code: string) => themeLabel(tt, code) },
  ];

  return (
    <div className="space-y-4">
      <Field id="title" counter={counter('title', 'title')} label={t('fields.title')} error={errorOf('title')} required>
        {(p) => <Input {...p} {...register('title')} />}
      </Field>
      {choices.map(({ name, legend, hint, codes, label }) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <fieldset aria-describedby={`${name}-error`} className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">
                {legend}
                <span aria-hidden className="ms-0.5 text-red-700">
                  *
                </span>
              </legend>
              {hint && <p className="text-xs text-slate-600">{hint}</p>}
              <div className="flex flex-wrap gap-4">
                {codes.map((code) => (
                  <label key={code} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      ref={typedBeforeHydration((on) => {
                        const now = form.getValues(name);
                        if (on === true && !now.includes(code)) field.onChange([...now, code]);
                        if (on === false) field.onChange(now.filter((c) => c !== code));
                      })}
                      checked={field.value.includes(code)}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, code] : field.value.filter((c) => c !== code))}
                    />
                    {label(code)}
                  </label>
                ))}
              </div>
              <p id={`${name}-error`} className="text-sm text-red-700" aria-live="polite">
                {errorOf(name)}
              </p>
            </fieldset>
          )}
        />
      ))}
      <Field id="summary" counter={counter('summary', 'summary')} label={t('fields.summary')} hint={t('summaryHint')} error={errorOf('summary')} required>
        {(p) => <Textarea rows={4} {...p} {...register('summary')} />}
      </Field>
      <Field id="objectives" counter={counter('objectives', 'objectives')} label={t('fields.objectives')} error={errorOf('objectives')} required>
        {(p) => <Textarea rows={5} {...p} {...register('objectives')} />}
      </Field>
      <Field id="activities" counter={counter('activities', 'activities')} label={t('fields.activities')} error={errorOf('activities')} required>
        {(p) => <Textarea rows={6} {...p} {...register('activities')} />}
      </Field>
    </div>
  );
}
