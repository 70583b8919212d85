'use client';

import { useTranslations } from 'next-intl';
import { Controller } from 'react-hook-form';
import { useApplicationForm, useStep } from './context';

/** Step 6: the call's declarations, each answered yes or no (the required ones yes). */
export function DeclarationsStep() {
  const t = useTranslations('application');
  const { form, rules } = useApplicationForm();
  const { errorOf } = useStep('declarations');
  return (
    <Controller
      control={form.control}
      name="declarations"
      render={({ field }) => (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t('declarationsIntro')}</p>
          {rules.requirements.length === 0 && <p className="text-sm text-slate-500">{t('noDeclarations')}</p>}
          {rules.requirements.map((r) => {
            const answer = field.value[r.id];
            return (
              <fieldset key={r.id} className="space-y-1 rounded-md border border-slate-200 p-3" aria-describedby={`decl-${r.id}-error`}>
                <legend className="px-1 text-sm font-medium">
                  {r.statement} <span className="font-normal text-slate-500">({r.required ? t('mustBeYes') : t('informative')})</span>
                </legend>
                <div className="flex gap-6">
                  {[true, false].map((choice) => (
                    <label key={String(choice)} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name={`decl-${r.id}`}
                        className="size-4 accent-brand-600"
                        checked={answer === choice}
                        onChange={() => field.onChange({ ...field.value, [r.id]: choice })}
                      />
                      {choice ? t('yes') : t('no')}
                    </label>
                  ))}
                </div>
                <p id={`decl-${r.id}-error`} className="text-sm text-red-700" aria-live="polite">
                  {errorOf(`declarations.${r.id}`)}
                </p>
              </fieldset>
            );
          })}
        </div>
      )}
    />
  );
}
