import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CallPhaseControls } from '@/components/admin/call-phase-controls';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Countdown } from '@/components/time/countdown';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { getCallDashboard } from '@/lib/data/call-editor';
import { translateIssue } from '@/lib/validations/translate-issue';
import { BackArrow } from '@/components/ui/arrow';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('callDashboard');
  return { title: t('title') };
}

function Figure({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default async function CallDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('call:manage', `/admin/calls/${id}`);
  if (!uuidPattern.test(id)) notFound();
  const now = new Date();
  const data = await getCallDashboard(user, id, now);
  if (!data) notFound();
  const { call } = data;
  const t = await getTranslations('callDashboard');
  const ts = await getTranslations('callStatus');
  const tv = await getTranslations('validation');
  const issues = Object.values(data.openingIssues).flat();
  const stages = [
    { href: `/admin/calls/${call.id}/edit`, label: t('stage.edit'), hint: t('stageHint.edit') },
    { href: `/admin/calls/${call.id}/questions`, label: t('stage.questions'), hint: t('stageHint.questions', { pending: data.questions.pending }) },
    { href: `/admin/calls/${call.id}/screening`, label: t('stage.screening'), hint: t('stageHint.screening', { pending: data.screening.pending }) },
    { href: `/admin/calls/${call.id}/assignments`, label: t('stage.assignments'), hint: t('stageHint.assignments') },
    { href: `/admin/calls/${call.id}/ranking`, label: t('stage.ranking'), hint: t('stageHint.ranking') },
    { href: `/admin/calls/${call.id}/selection`, label: t('stage.selection'), hint: t('stageHint.selection') },
    ...(call.status === 'published' ? [{ href: `/admin/calls/${call.id}/awards`, label: t('stage.awards'), hint: t('stageHint.awards') }] : []),
    { href: `/admin/calls/${call.id}/reporting`, label: t('stage.reporting'), hint: t('stageHint.reporting') },
    call.status === 'draft'
      ? { href: `/admin/calls/${call.id}/preview`, label: t('stage.preview'), hint: t('stageHint.preview') }
      : { href: `/calls/${call.slug}`, label: t('stage.public'), hint: t('stageHint.public') },
  ];
  return (
    <ClientMessages namespaces={['callDashboard']}>
      <div className="space-y-6">
        <Link href="/admin/calls" className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {t('allCalls')}
        </Link>
        <PageHeader
          title={call.title}
          intro={
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={call.status === 'open' ? 'success' : call.status === 'draft' ? 'warning' : 'info'} data-testid="call-status">
                {ts(call.status)}
              </Badge>
              {call.closesAt && (
                <span>
                  {t('closes')} <Instant date={call.closesAt} timeZone={call.timeZone} />
                  {call.status === 'open' && (
                    <>
                      {' · '}
                      <Countdown until={call.closesAt.toISOString()} />
                    </>
                  )}
                </span>
              )}
            </span>
          }
        />

        {call.status === 'draft' && issues.length > 0 && (
          <Alert tone="warning">
            <p className="font-medium">{t('notReady')}</p>
            <ul className="mt-2 list-disc ps-5">
              {issues.map((issue) => (
                <li key={issue}>{translateIssue(tv, issue)}</li>
              ))}
            </ul>
          </Alert>
        )}

        {data.nextTransitions.length > 0 && (
          <Card className="space-y-3">
            <h2>{t('phase')}</h2>
            <p className="text-sm text-slate-600">{t(`phaseHint.${call.status}`)}</p>
            <CallPhaseControls callId={call.id} targets={data.nextTransitions as ('open' | 'in_review' | 'selection' | 'cancelled')[]} />
          </Card>
        )}

        <div className="grid gap-4 md:grid-cols-3">
          <Card>
            <h2 className="mb-3 text-base">{t('applications')}</h2>
            <dl className="grid grid-cols-3 gap-3">
              <Figure label={t('drafts')} value={data.applications.draft} testId="count-draft" />
              <Figure label={t('submitted')} value={data.applications.submitted} testId="count-submitted" />
              <Figure label={t('withdrawn')} value={data.applications.withdrawn} />
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-base">{t('screening')}</h2>
            <dl className="grid grid-cols-3 gap-3">
              <Figure label={t('toScreen')} value={data.screening.pending} />
              <Figure label={t('eligible')} value={data.screening.eligible} />
              <Figure label={t('ineligible')} value={data.screening.ineligible} />
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-base">{t('reviews')}</h2>
            <dl className="grid grid-cols-3 gap-3">
              <Figure label={t('reviewsDone')} value={`${data.reviews.submitted} / ${data.reviews.expected}`} testId="reviews-progress" />
              <Figure label={t('assigned')} value={data.reviews.assignments} />
              <Figure label={t('conflicts')} value={data.reviews.conflicts} />
            </dl>
            {data.reviews.expected > 0 && (
              <progress className="mt-3 w-full" max={data.reviews.expected} value={data.reviews.submitted} aria-label={t('reviewsDone')} />
            )}
          </Card>
        </div>

        <section aria-labelledby="stages" className="space-y-3">
          <h2 id="stages">{t('stages')}</h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {stages.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
                  <span className="font-medium text-brand-700">{s.label}</span>
                  <span className="block text-sm text-slate-600">{s.hint}</span>
                </Link>
              </li>
            ))}
          </ul>
          <p className="text-sm">
            <a href={`/admin/calls/${call.id}/export.csv`} className={buttonClass('link')}>
              {t('export')}
            </a>
          </p>
        </section>
      </div>
    </ClientMessages>
  );
}
