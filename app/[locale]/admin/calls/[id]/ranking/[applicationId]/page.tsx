import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { PageHeader } from '@/components/layout/page-header';
import { ReopenReviewButton } from '@/components/review/reopen-review-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { requirePermission } from '@/lib/auth/session';
import { getApplicationFigures } from '@/lib/data/ranking';
import { listApplicationReviews } from '@/lib/data/reviews';
import { getCallForAdmin } from '@/lib/data/screening';
import { BackArrow } from '@/components/ui/arrow';
import { applicationValuesOf } from '@/lib/validations/application';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

type Props = { params: Promise<{ id: string; applicationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ranking');
  return { title: t('title') };
}

export default async function ApplicationReviewsPage({ params }: Props) {
  const { id, applicationId } = await params;
  const user = await requirePermission('ranking:read', `/admin/calls/${id}/ranking/${applicationId}`);
  const call = await getCallForAdmin(user, id, 'ranking:read');
  if (!call) notFound();
  const data = await listApplicationReviews(user, call.id, applicationId);
  if (!data) notFound();
  const t = await getTranslations('ranking');
  const tc = await getTranslations('common');
  const tr = await getTranslations('review');
  const ta = await getTranslations('assignments');
  const format = await getFormatter();
  const one = (n: number | null | undefined) => (n === null || n === undefined ? t('noScore') : format.number(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  // The application's figures, from the same SQL as the ranking.
  const figures = await getApplicationFigures(user, call, applicationId);
  const reference = data.application.reference ?? '';
  const open = !['published', 'cancelled'].includes(call.status);

  return (
    <ClientMessages namespaces={['ranking']}>
      <div className="space-y-6">
        <Link href={`/admin/calls/${call.id}/ranking`} className="text-sm text-brand-700 hover:underline">
          <BackArrow /> {t('backToRanking')}
        </Link>
        <PageHeader title={t('detailTitle', { reference })} intro={`${data.application.title} · ${data.organisation.legalName}`} />
        {figures && (
          <Card>
            <h2 className="mb-3 text-base font-semibold">{t('figures')}</h2>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7" data-testid="application-figures">
              {(
                [
                  [t('reviews'), t('reviewsOf', { count: figures.reviewCount, assigned: figures.assigned })],
                  [t('mean'), one(figures.mean)],
                  [t('calibrated'), one(figures.calibrated)],
                  [t('median'), one(figures.median)],
                  [t('range'), figures.min !== null && figures.max !== null ? t('rangeValue', { min: one(figures.min), max: one(figures.max) }) : t('noScore')],
                  [t('stddev'), one(figures.stddev)],
                  [t('flag'), figures.flagged ? t('flagged') : '—'],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="font-medium tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
        <section className="space-y-3" aria-labelledby="all-reviews">
          <h2 id="all-reviews" className="text-lg font-semibold">
            {t('detailTitle', { reference })}
          </h2>
          {data.assignments.length === 0 && <p className="text-sm text-slate-600">{t('noReview')}</p>}
          {data.assignments.map((a) => {
            const who = a.reviewer.name ?? a.reviewer.email;
            const state = a.status === 'conflict' ? 'conflict' : (a.review?.status ?? a.status);
            return (
              <Card key={a.assignmentId} className="space-y-3" data-testid={`review-by-${a.reviewer.email}`}>
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-medium">{who}</p>
                    <p className="text-xs text-slate-600">{a.reviewer.email}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={state === 'submitted' ? 'success' : state === 'conflict' ? 'danger' : 'neutral'}>{ta(`status.${state}`)}</Badge>
                    {a.likelyConflict && <Badge tone="danger">{ta('likelyConflict', { domain: a.likelyConflict })}</Badge>}
                    {a.review?.status === 'submitted' && open && <ReopenReviewButton reviewId={a.review.id} reviewer={who} />}
                  </div>
                </div>
                {a.status === 'conflict' && <p className="text-sm">{t('conflictReason', { reason: a.conflictReason ?? '' })}</p>}
                {a.review ? (
                  <>
                    <Table caption={`${tc('label', { label: t('reviewer') })} ${who}`}>
                      <thead>
                        <tr>
                          <Th>{t('criterion')}</Th>
                          <Th className="text-end">{t('score')}</Th>
                          <Th>{t('comment')}</Th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.criteria.map((c) => (
                          <tr key={c.id}>
                            <Td>{c.name}</Td>
                            <Td className="text-end tabular-nums">
                              {a.scores[c.id]?.score ?? '—'} / {c.scaleMax}
                            </Td>
                            <Td className="whitespace-pre-line">{a.scores[c.id]?.comment}</Td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                    <dl className="grid gap-2 text-sm sm:grid-cols-3">
                      <div>
                        <dt className="text-slate-600">{t('total')}</dt>
                        <dd className="font-medium tabular-nums">{one(a.total)}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-600">{t('recommendation')}</dt>
                        <dd>{a.review.recommendation ? tr(`recommendations.${a.review.recommendation}`) : '—'}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-600">{t('reviewStatus')}</dt>
                        <dd>{a.review.submittedAt ? <Instant date={a.review.submittedAt} timeZone={call.timeZone} showViewerTime={false} /> : ta(`status.${state}`)}</dd>
                      </div>
                    </dl>
                    {a.review.overallComment && (
                      <div className="text-sm">
                        <p className="text-slate-600">{t('overallComment')}</p>
                        <p className="whitespace-pre-line">{a.review.overallComment}</p>
                      </div>
                    )}
                  </>
                ) : (
                  a.status !== 'conflict' && <p className="text-sm text-slate-600">{t('noReview')}</p>
                )}
              </Card>
            );
          })}
        </section>
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t('applicationTitle')}</h2>
          <ApplicationView
            values={applicationValuesOf(data.application)}
            reference={reference}
            organisation={data.organisation}
            currency={call.currency}
            requirements={data.requirements}
            documents={data.files.map(({ id, slotName, fileName, size, href }) => ({ key: id, slotName, file: { fileName, size, href } }))}
            headingLevel={3}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
