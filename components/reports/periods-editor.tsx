'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { FormError } from '@/components/forms/form-error';
import { useActionForm } from '@/components/forms/use-action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { deleteReportingPeriodAction, saveReportingPeriodAction } from '@/lib/actions/reports';
import { useRouter } from '@/lib/i18n/navigation';
import { reportingPeriodSchema } from '@/lib/validations/reports';

export type PeriodForEditor = {
  id: string;
  label: string;
  periodStart: string;
  periodEnd: string;
  /** The due instant as the call's wall time (`2026-03-04T17:00`), for the input. */
  dueLocal: string;
  final: boolean;
  /** The due date rendered by the server (call zone and viewer's). */
  due: ReactNode;
  /** The period's dates, formatted by the server. */
  range: string;
  /** Someone has reported on it: it cannot be deleted. */
  used: boolean;
};

function PeriodForm({ callId, period, timeZone, onDone }: { callId: string; period?: PeriodForEditor; timeZone: string; onDone: () => void }) {
  const t = useTranslations('reports');
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, pending } = useActionForm(reportingPeriodSchema, saveReportingPeriodAction, {
    defaultValues: period
      ? { callId, periodId: period.id, label: period.label, periodStart: period.periodStart, periodEnd: period.periodEnd, dueAt: period.dueLocal, final: period.final }
      : { callId, label: '', periodStart: '', periodEnd: '', dueAt: '', final: false },
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const id = period ? `period-${period.id}` : 'period-new';
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={period ? t('editPeriodNamed', { label: period.label }) : t('addPeriod')}>
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-label`} label={t('periodLabel')} hint={t('periodLabelHint')} error={errorOf('label')} required>
          {(p) => <Input {...p} {...form.register('label')} />}
        </Field>
        <Field id={`${id}-due`} label={t('dueAt')} hint={t('dueAtHint', { timeZone })} error={errorOf('dueAt')} required>
          {(p) => <Input type="datetime-local" {...p} {...form.register('dueAt')} />}
        </Field>
        <Field id={`${id}-start`} label={t('periodStart')} error={errorOf('periodStart')} required>
          {(p) => <Input type="date" {...p} {...form.register('periodStart')} />}
        </Field>
        <Field id={`${id}-end`} label={t('periodEnd')} error={errorOf('periodEnd')} required>
          {(p) => <Input type="date" {...p} {...form.register('periodEnd')} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox {...form.register('final')} />
        {t('finalReport')}
      </label>
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending}>
          {t('savePeriod')}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A call's reporting periods: listed, added, changed, deleted (with a confirmation; not once reported on). */
export function PeriodsEditor({ callId, timeZone, periods }: { callId: string; timeZone: string; periods: PeriodForEditor[] }) {
  const t = useTranslations('reports');
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, dialog] = useConfirm();

  const remove = async (period: PeriodForEditor) => {
    setError(null);
    if (!(await confirm(t('deleteConfirm', { label: period.label }), { destructive: true, confirmLabel: t('deletePeriod') }))) return;
    const result = await deleteReportingPeriodAction({ periodId: period.id });
    if (!result.ok) setError(result.error);
    else router.refresh();
  };

  return (
    <div className="space-y-4">
      {dialog}
      <FormError message={error} />
      {periods.length === 0 && <p className="text-sm text-slate-600">{t('noPeriods')}</p>}
      <ul className="space-y-3">
        {periods.map((p) => (
          <li key={p.id} data-testid="reporting-period">
            {editing === p.id ? (
              <PeriodForm callId={callId} period={p} timeZone={timeZone} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
                <div className="space-y-1">
                  <div className="font-medium">
                    {p.label} {p.final && <Badge tone="neutral">{t('final')}</Badge>}
                  </div>
                  <div className="text-sm text-slate-700">{p.range}</div>
                  <div className="text-sm text-slate-700">{p.due}</div>
                </div>
                <div className="flex gap-2">
                  <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(p.id)} aria-label={t('editPeriodNamed', { label: p.label })}>
                    {t('edit')}
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    disabled={p.used}
                    title={p.used ? t('periodUsed') : undefined}
                    onClick={() => void remove(p)}
                    aria-label={t('deletePeriodNamed', { label: p.label })}
                  >
                    {t('deletePeriod')}
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <PeriodForm callId={callId} timeZone={timeZone} onDone={() => setEditing(null)} />
      ) : (
        <Button type="button" variant="secondary" onClick={() => setEditing('new')}>
          {t('addPeriod')}
        </Button>
      )}
    </div>
  );
}
