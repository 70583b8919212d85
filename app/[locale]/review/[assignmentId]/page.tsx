import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { PageHeader } from '@/components/layout/page-header';
import { ConflictForm } from '@/components/review/conflict-form';
import { ScoreCard } from '@/components/review/score-card';
import { SubmittedReview } from '@/components/review/submitted-review';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { getAssignmentForReviewer } from '@/lib/data/reviews';
import { BackArrow } from '@/components/ui/arrow';
import type { Locale } from '@/lib/i18n/config';
import { applicationValuesOf } from '@/lib/validations/application';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ assignmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('title') };
}

export default async function ReviewAssignmentPage({ params }: Props) {
  const { assignmentId } = await params;
  const user = await requirePermission('review:write', `/review/${assignmentId}`);
  const data = await getAssignmentForReviewer(user, assignmentId, (await getLocale()) as Locale);
  if (!data) notFound();
  const t = await getTranslations('review');
  const tc = await getTranslations('common');
  const te = await getTranslations('errors');

  const header = (
    <>
      <Link href="/review" className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToQueue')}
      </Link>
      <PageHeader
        title={t('pageTitle', { reference: data.reference })}
        intro={
          <>
            {data.call.title}
            {' · '}
            {tc('label', { label: t('deadline') })} {data.call.reviewDeadline ? <Instant date={data.call.reviewDeadline} timeZone={data.call.timeZone} /> : t('noDeadline')}
          </>
        }
      />
      {data.call.blindReview && <Alert>{t('blindNotice')}</Alert>}
    </>
  );

  if (data.stage === 'declare') {
    return (
      <div className="space-y-6">
        {header}
        <Card className="max-w-2xl space-y-4">
          <h2 className="text-lg font-semibold">{t('declareTitle')}</h2>
          <p>{t('declareIntro', { reference: data.reference, call: data.call.title })}</p>
          {data.organisationName ? (
            <p>
              <span className="text-slate-600">{tc('label', { label: t('declareOrganisation') })} </span>
              <span className="font-semibold" data-testid="declare-organisation">
                {data.organisationName}
              </span>
            </p>
          ) : (
            <p className="text-slate-600">{t('declareBlind')}</p>
          )}
          {data.assignment.likelyConflict && <Alert tone="warning">{t('likelyConflict', { domain: data.assignment.likelyConflict })}</Alert>}
          <p className="text-sm text-slate-600">{t('declareExamples')}</p>
          <ConflictForm assignmentId={data.assignment.id} />
        </Card>
      </div>
    );
  }

  const submitted = data.review?.status === 'submitted';
  return (
    <div className="space-y-6">
      {header}
      {data.assignment.likelyConflict && <Alert tone="warning">{t('likelyConflict', { domain: data.assignment.likelyConflict })}</Alert>}
      {/*
        The score card comes first: on a phone it is where the reviewer starts (with a link down
        to the application and one back); from lg up it sits beside the application, sticky and
        scrolling on its own so all of it stays in reach.
      */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_28rem]">
        <div id="score-card" className="scroll-mt-4 space-y-3 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto" data-testid="score-column">
          <a href="#application" className="text-sm font-medium text-brand-700 underline lg:hidden">
            {t('jumpToApplication')}
          </a>
          <div className="space-y-6">
            {submitted && data.review ? (
              <SubmittedReview criteria={data.criteria} review={data.review} timeZone={data.call.timeZone} peers={data.peers} showPeerScores={data.call.showPeerScores} />
            ) : !data.call.open ? (
              <Alert>{t('closedNotice')}</Alert>
            ) : (
              <ScoreCard
                assignmentId={data.assignment.id}
                criteria={data.criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }))}
                initial={
                  data.review
                    ? { version: data.review.version, overallComment: data.review.overallComment, recommendation: data.review.recommendation, scores: data.review.scores }
                    : null
                }
                staleError={te('reviewStale')}
              />
            )}
          </div>
        </div>
        <div id="application" className="min-w-0 scroll-mt-4 space-y-3 lg:col-start-1 lg:row-start-1">
          <ApplicationView
            values={applicationValuesOf(data.application)}
            reference={data.application.reference}
            organisation={data.organisation}
            currency={data.call.currency}
            requirements={data.requirements}
            documents={data.files.map(({ id, slotName, fileName, size, href }) => ({ key: id, slotName, file: { fileName, size, href } }))}
          />
          <a href="#score-card" className="inline-block text-sm font-medium text-brand-700 underline lg:hidden">
            {t('backToScoreCard')}
          </a>
        </div>
      </div>
    </div>
  );
}
