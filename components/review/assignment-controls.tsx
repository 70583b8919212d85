'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { assignReviewerAction, autoAssignAction, unassignReviewerAction } from '@/lib/actions/assignments';

/** One cell of the matrix: assign this reviewer, or remove them (after confirming). */
export function AssignmentCellControl({
  applicationId,
  reviewerId,
  assignmentId,
  reviewer,
  reference,
  hasDraft,
}: {
  applicationId: string;
  reviewerId: string;
  assignmentId: string | null;
  reviewer: string;
  reference: string;
  hasDraft: boolean;
}) {
  const t = useTranslations('assignments');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const result = await fn();
      setError(result.ok ? null : (result.error ?? null));
      if (result.ok) router.refresh();
    });
  return (
    <div className="space-y-1">
      {confirmDialog}
      {assignmentId ? (
        <Button
          size="sm"
          variant="ghost"
          pending={pending}
          aria-label={t('unassignLabel', { reviewer, reference })}
          onClick={async () => {
            const message = hasDraft ? t('confirmUnassignDraft', { reviewer, reference }) : t('confirmUnassign', { reviewer, reference });
            if (!(await confirm(message, { destructive: true, confirmLabel: t('unassign') }))) return;
            run(() => unassignReviewerAction({ assignmentId }));
          }}
        >
          {t('unassign')}
        </Button>
      ) : (
        <Button size="sm" variant="secondary" pending={pending} aria-label={t('assignLabel', { reviewer, reference })} onClick={() => run(() => assignReviewerAction({ applicationId, reviewerId }))}>
          {t('assign')}
        </Button>
      )}
      <p className="text-xs text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

type AutoResult = { created: number; reviewersMailed: number; shortfalls: { reference: string | null; needed: number; planned: number; conflicts: number }[] };

/** "Assign automatically", with what it did and, if anything, exactly what it could not do. */
export function AutoAssignButton({ callId, disabled }: { callId: string; disabled?: boolean }) {
  const t = useTranslations('assignments');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<AutoResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={disabled}
        pending={pending}
        onClick={() =>
          start(async () => {
            const outcome = await autoAssignAction({ callId });
            if (outcome.ok) {
              setResult(outcome.data);
              setError(null);
              router.refresh();
            } else {
              setError(outcome.error);
              setResult(null);
            }
          })
        }
      >
        {t('auto')}
      </Button>
      <div aria-live="polite" className="space-y-2">
        {error && <Alert tone="error">{error}</Alert>}
        {result && <Alert tone="success">{t('autoDone', { created: result.created, mailed: result.reviewersMailed })}</Alert>}
        {result && result.shortfalls.length > 0 && (
          <Alert tone="warning">
            <p className="font-medium">{t('shortfallTitle', { needed: result.shortfalls[0].needed })}</p>
            <ul className="mt-1 list-disc ps-5">
              {result.shortfalls.map((s) => (
                <li key={s.reference}>{t('shortfall', { reference: s.reference ?? '', planned: s.planned, needed: s.needed, conflicts: s.conflicts })}</li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
    </div>
  );
}
