import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { QuestionAnswerForm } from '@/components/admin/question-answer-form';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { getCallDashboard } from '@/lib/data/call-editor';
import { listQuestionsForAdmin } from '@/lib/data/questions';
import { instantFormat } from '@/lib/i18n/formats';
import { BackArrow } from '@/components/ui/arrow';
import { callLanguages } from '@/lib/calls/languages';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('questions');
  return { title: t('title') };
}

export default async function CallQuestionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('question:answer', `/admin/calls/${id}/questions`);
  if (!uuidPattern.test(id)) notFound();
  const dashboard = await getCallDashboard(user, id);
  if (!dashboard) notFound();
  const questions = await listQuestionsForAdmin(user, id);
  const t = await getTranslations('questions');
  const tcd = await getTranslations('callDashboard');
  const format = await getFormatter();
  return (
    <ClientMessages namespaces={['questions', 'validation']}>
      <div className="space-y-6">
        <Link href={`/admin/calls/${id}`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {tcd('backToCall')}
        </Link>
        <PageHeader title={t('title')} intro={t('intro', { call: dashboard.call.title })} />
        {questions.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {questions.map((q) => (
              <li key={q.id}>
                <Card className="space-y-3" data-testid="question">
                  <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <Badge tone={q.status === 'pending' ? 'warning' : q.status === 'published' ? 'success' : 'neutral'}>{t(`status.${q.status}`)}</Badge>
                    <span>
                      {t('askedBy', {
                        who: q.askedByEmail ?? t('unknown'),
                        when: format.dateTime(q.askedAt, instantFormat(dashboard.call.timeZone, 'short')),
                      })}
                    </span>
                  </div>
                  <blockquote className="border-s-4 border-slate-200 ps-3 whitespace-pre-line">{q.question}</blockquote>
                  {q.status !== 'dismissed' && (
                    <QuestionAnswerForm
                      questionId={q.id}
                      question={q.publicQuestion ?? q.question}
                      answer={q.answer ?? ''}
                      pending={q.status === 'pending'}
                      languages={callLanguages(dashboard.call).slice(1)}
                      translations={q.translations}
                    />
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </ClientMessages>
  );
}
