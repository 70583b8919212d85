'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/input';
import { liftOrganisationFlagAction, raiseOrganisationFlagAction } from '@/lib/actions/diligence';
import { useRouter } from '@/lib/i18n/navigation';
import { flagLevels } from '@/lib/validations/diligence';

type Level = (typeof flagLevels)[number];
export type FlagView = { id: string; level: Level; comment: string; raisedBy: string; raisedAt: string; lifted: { by: string; reason: string } | null };

const tone = { observation: 'neutral', yellow: 'warning', red: 'danger' } as const;

/** An organisation's risk flags: raise one with a comment, lift an active one with the reason; lifted ones stay listed. */
export function RiskFlags({ organisationId, flags }: { organisationId: string; flags: FlagView[] }) {
  const t = useTranslations('diligence');
  const router = useRouter();
  const [level, setLevel] = useState<Level>('yellow');
  const [comment, setComment] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, start] = useTransition();

  const raise = () =>
    start(async () => {
      setMessage(null);
      const result = await raiseOrganisationFlagAction({ organisationId, level, comment });
      if (!result.ok) return setMessage({ tone: 'error', text: result.fieldErrors?.comment?.[0] ?? result.error });
      setComment('');
      setMessage({ tone: 'success', text: t('flagRaised') });
      router.refresh();
    });
  const lift = (flagId: string) =>
    start(async () => {
      setMessage(null);
      const result = await liftOrganisationFlagAction({ flagId, reason: reasons[flagId] ?? '' });
      if (!result.ok) return setMessage({ tone: 'error', text: result.fieldErrors?.reason?.[0] ?? result.error });
      setMessage({ tone: 'success', text: t('flagLiftedDone') });
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {flags.length === 0 && <p className="text-sm text-slate-600">{t('noFlags')}</p>}
      <ul className="space-y-3">
        {flags.map((f) => (
          <li key={f.id} className="space-y-2 rounded-md border border-slate-200 p-3 text-sm" data-testid={`flag-${f.level}`}>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={tone[f.level]}>{t(`flagLevels.${f.level}`)}</Badge>
              <Badge tone={f.lifted ? 'neutral' : 'info'}>{f.lifted ? t('lifted') : t('active')}</Badge>
              <span className="text-slate-600">
                {t('raisedBy', { who: f.raisedBy })} · <time dateTime={f.raisedAt}>{f.raisedAt.slice(0, 10)}</time>
              </span>
            </div>
            <p>{f.comment}</p>
            {f.lifted ? (
              <p className="text-slate-600">{t('liftedBy', { who: f.lifted.by, reason: f.lifted.reason })}</p>
            ) : (
              <div className="space-y-1">
                <label htmlFor={`lift-${f.id}`} className="block font-medium">
                  {t('liftReason')}
                </label>
                <Textarea id={`lift-${f.id}`} rows={2} maxLength={2000} value={reasons[f.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [f.id]: e.target.value })} />
                <Button type="button" size="sm" variant="secondary" pending={pending} onClick={() => lift(f.id)}>
                  {t('liftFlag')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr] sm:items-start">
        <div className="space-y-1">
          <label htmlFor="flag-level" className="block text-sm font-medium">
            {t('flagLevel')}
          </label>
          <Select id="flag-level" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {flagLevels.map((l) => (
              <option key={l} value={l}>
                {t(`flagLevels.${l}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="flag-comment" className="block text-sm font-medium">
            {t('flagComment')}
          </label>
          <Textarea id="flag-comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      </div>
      <Button type="button" pending={pending} onClick={raise}>
        {t('raiseFlag')}
      </Button>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </div>
  );
}
