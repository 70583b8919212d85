'use client';

import dynamic from 'next/dynamic';
import { can } from '@/lib/authz';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useViewer } from '@/components/layout/use-viewer';
import { useClock } from '@/components/time/use-clock';
import { Card } from '@/components/ui/card';
import { Link } from '@/lib/i18n/navigation';

// The form library loads only for an applicant who can ask: visitors never download it.
const AskQuestionForm = dynamic(() => import('./ask-question-form').then((m) => m.AskQuestionForm), { ssr: false });

type MyQuestion = { id: string; question: string; status: 'pending' | 'published' | 'dismissed' };

/**
 * Under a call's FAQ: the reader's own questions and, while questions are accepted (by the
 * browser's clock; the server checks again), the way to ask one.
 */
export function QuestionsPanel({
  callId,
  slug,
  open: renderedOpen,
  callOpen,
  deadline,
  deadlineText,
}: {
  callId: string;
  slug: string;
  /** Questions were accepted when the page was rendered. */
  open: boolean;
  /** The call itself was open when the page was rendered. */
  callOpen: boolean;
  deadline: string | null;
  deadlineText: ReactNode;
}) {
  const t = useTranslations('questions');
  const viewer = useViewer();
  const now = useClock([deadline]);
  const open = renderedOpen && !(now !== null && deadline && now >= new Date(deadline).getTime());
  const applicant = can(viewer, 'question:ask');
  const [mine, setMine] = useState<MyQuestion[]>([]);

  const loadMine = useCallback(async () => {
    const response = await fetch(`/api/calls/${callId}/questions`, { cache: 'no-store' }).catch(() => null);
    if (response?.ok) setMine(((await response.json()) as { questions: MyQuestion[] }).questions);
  }, [callId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a fetch; its answer sets the state later
    if (applicant) void loadMine();
  }, [applicant, loadMine]);

  return (
    <>
      {mine.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">{t('yours')}</h3>
          <ul className="space-y-1 text-sm">
            {mine.map((q) => (
              <li key={q.id}>
                “{q.question}” <span className="text-slate-600">({t(`yourStatus.${q.status}`)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {open && viewer !== undefined && (applicant || !viewer) && (
        <Card className="space-y-3">
          <h3 className="font-semibold">{t('askTitle')}</h3>
          <p className="text-sm text-slate-600">{t.rich('askIntro', { deadline: () => deadlineText })}</p>
          {applicant ? (
            <AskQuestionForm callId={callId} onSent={loadMine} />
          ) : (
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(`/calls/${slug}#faq`)}`}
              className="text-sm font-medium text-brand-600 hover:underline"
            >
              {t('signInToAsk')}
            </Link>
          )}
        </Card>
      )}
      {callOpen && !open && <p className="text-sm text-slate-600">{t('closed')}</p>}
    </>
  );
}
