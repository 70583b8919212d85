'use client';

import { useTranslations } from 'next-intl';
import { createContext, type ReactNode, use, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Textarea } from '@/components/ui/input';
import { decideScreeningHitAction } from '@/lib/actions/diligence';
import { Link, useRouter } from '@/lib/i18n/navigation';

type Notice = { text: string; href: string };
const AnnounceDecision = createContext<(notice: Notice) => void>(() => {});

/**
 * Where the message of a decision just made is shown: above the list, not in the match's
 * card. On the "Open" list the card leaves with the refresh that follows a decision, and
 * its message used to go with it; this one stays, names the match, and leads to it.
 */
export function ScreeningDecisions({ children }: { children: ReactNode }) {
  const t = useTranslations('diligence');
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <AnnounceDecision value={setNotice}>
      <div aria-live="polite">
        {notice && (
          <Alert tone="success">
            {notice.text}{' '}
            <Link href={notice.href} className="font-medium underline">
              {t('seeDecision')}
            </Link>
          </Alert>
        )}
      </div>
      {children}
    </AnnounceDecision>
  );
}

/**
 * Clear an open hit as a false positive, or confirm it: either way with the reason. Once the hit
 * is decided the page passes `open={false}` and the decision (`children`); what was just done
 * is said by ScreeningDecisions, above the list.
 */
export function ScreeningHitControls({
  hitId,
  label,
  decisionHref,
  open,
  children,
}: {
  hitId: string;
  label: string;
  /** Where the decided match is shown (its organisation's view, every status). */
  decisionHref: string;
  open: boolean;
  children: ReactNode;
}) {
  const t = useTranslations('diligence');
  const tc = useTranslations('common');
  const router = useRouter();
  const announce = use(AnnounceDecision);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [confirm, dialog] = useConfirm();

  const decide = async (decision: 'clear' | 'confirm') => {
    if (decision === 'confirm' && !(await confirm(t('confirmConfirm'), { confirmLabel: t('confirm') }))) return;
    start(async () => {
      setError(null);
      const result = await decideScreeningHitAction({ hitId, decision, reason });
      if (!result.ok) {
        setError(result.fieldErrors?.reason?.[0] ?? result.error);
        return;
      }
      const outcome = result.data.status === 'cleared' ? t('cleared') : t('confirmedDone', { count: result.data.madeIneligible });
      announce({ text: `${tc('label', { label })} ${outcome}`, href: decisionHref });
      router.refresh();
    });
  };

  if (!open) return <div className="space-y-2">{children}</div>;

  const fieldId = `reason-${hitId}`;
  return (
    <div className="space-y-2" role="group" aria-label={label}>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
        {t('reason')}
      </label>
      <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
        {t('reasonHint')}
      </p>
      <Textarea
        id={fieldId}
        rows={2}
        value={reason}
        maxLength={2000}
        aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <p id={`${fieldId}-error`} className="text-sm text-red-700" aria-live="polite">
        {error}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="secondary" pending={pending} onClick={() => decide('clear')}>
          {t('clear')}
        </Button>
        <Button type="button" size="sm" variant="danger" pending={pending} onClick={() => decide('confirm')}>
          {t('confirm')}
        </Button>
      </div>
      {dialog}
    </div>
  );
}
