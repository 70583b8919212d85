'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { lapseAwardAction, offerToReserveAction } from '@/lib/actions/awards';
import { useRouter } from '@/lib/i18n/navigation';

type Props = {
  awardId: string;
  organisation: string;
  overdue: boolean;
  replaceable: boolean;
  /** The next reserve application ("Organisation (reference)"), or null when none is left. */
  reserve: string | null;
  amount: number;
  currency: string;
  timeZone: string;
  /** `2026-05-04T17:00` in the call's time zone. */
  defaultRespondBy: string;
};

/** Per award: mark an overdue offer lapsed; offer a declined or lapsed award to the reserve list. */
export function AwardAdminControls(props: Props) {
  const t = useTranslations('awards.admin');
  const tc = useTranslations('common');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [offering, setOffering] = useState(false);
  const [amount, setAmount] = useState(String(props.amount));
  const [conditions, setConditions] = useState('');
  const [respondBy, setRespondBy] = useState(props.defaultRespondBy);
  const [confirm, confirmDialog] = useConfirm();
  const id = props.awardId.slice(0, 8);

  const run = (work: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      setError(null);
      setFieldErrors({});
      const result = await work();
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setOffering(false);
      router.refresh();
    });

  const lapse = async () => {
    if (!(await confirm(t('confirmLapse', { organisation: props.organisation }), { confirmLabel: t('markLapsed') }))) return;
    run(() => lapseAwardAction({ awardId: props.awardId }));
  };

  const offer = async () => {
    if (!props.reserve) return;
    if (!(await confirm(t('confirmOffer', { reserve: props.reserve }), { confirmLabel: t('sendOffer') }))) return;
    run(() => offerToReserveAction({ awardId: props.awardId, amount: Number(amount), conditions, respondBy }));
  };

  return (
    <div className="space-y-2">
      {confirmDialog}
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      {props.overdue && (
        <Button size="sm" variant="secondary" pending={pending} onClick={lapse}>
          {t('markLapsed')}
        </Button>
      )}
      {props.replaceable && !props.reserve && <p className="text-sm text-slate-600">{t('noReserve')}</p>}
      {props.replaceable && props.reserve && !offering && (
        <Button size="sm" onClick={() => setOffering(true)}>
          {t('offerToReserve')}
        </Button>
      )}
      {props.replaceable && props.reserve && offering && (
        <form
          className="min-w-64 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void offer();
          }}
        >
          <p className="text-sm font-medium">{t('offerTitle', { organisation: props.organisation, reserve: props.reserve })}</p>
          <Field id={`amount-${id}`} label={t('amountLabel', { currency: props.currency })} error={fieldErrors.amount?.[0]} required>
            {(p) => <Input type="number" min={1} step={1} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} {...p} />}
          </Field>
          <Field id={`conditions-${id}`} label={t('conditionsLabel')} hint={t('conditionsHint')} error={fieldErrors.conditions?.[0]}>
            {(p) => <Textarea rows={2} maxLength={4000} value={conditions} onChange={(e) => setConditions(e.target.value)} {...p} />}
          </Field>
          <Field id={`respond-by-${id}`} label={t('respondByLabel', { timeZone: props.timeZone })} error={fieldErrors.respondBy?.[0]} required>
            {(p) => <Input type="datetime-local" value={respondBy} onChange={(e) => setRespondBy(e.target.value)} {...p} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" pending={pending}>
              {t('sendOffer')}
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => setOffering(false)}>
              {tc('cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
