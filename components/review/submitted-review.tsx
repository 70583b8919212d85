import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { reviewTotal } from '@/lib/scoring/totals';

type Criterion = { id: string; name: string; weight: number; scaleMin: number; scaleMax: number };

/** A submitted (locked) review, read-only, and the other reviewers' scores when the call shows them. */
export async function SubmittedReview({
  criteria,
  review,
  timeZone,
  peers,
  showPeerScores,
}: {
  criteria: Criterion[];
  review: { submittedAt: Date | null; overallComment: string; recommendation: string | null; scores: Record<string, { score: number; comment: string }> };
  timeZone: string;
  peers: { recommendation: string | null; total: number | null; scores: Record<string, number> }[] | null;
  showPeerScores: boolean;
}) {
  const t = await getTranslations('review');
  const tc = await getTranslations('common');
  const complete = criteria.every((c) => review.scores[c.id]);
  const total = complete ? reviewTotal(criteria, criteria.map((c) => review.scores[c.id].score)) : null;
  const round = (n: number | null) => (n === null ? '—' : String(Math.round(n * 10) / 10));
  return (
    <>
      <Card className="space-y-4">
        <h2 className="text-lg font-semibold">{t('yourReview')}</h2>
        <Alert tone="success">
          {review.submittedAt ? t.rich('submitted', { date: () => <Instant date={review.submittedAt!} timeZone={timeZone} showViewerTime={false} /> }) : null}
        </Alert>
        <dl className="space-y-3 text-sm">
          {criteria.map((c) => (
            <div key={c.id}>
              <dt className="font-medium">
                {c.name}: {review.scores[c.id]?.score ?? '—'} / {c.scaleMax}
              </dt>
              {review.scores[c.id]?.comment && <dd className="whitespace-pre-line text-slate-700">{review.scores[c.id].comment}</dd>}
            </div>
          ))}
          <div>
            <dt className="font-medium">{t('overallComment')}</dt>
            <dd className="whitespace-pre-line text-slate-700">{review.overallComment}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('recommendation')}</dt>
            <dd>{review.recommendation ? t(`recommendations.${review.recommendation as 'maybe'}`) : '—'}</dd>
          </div>
        </dl>
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="review-total">
          <span className="font-medium">{tc('label', { label: t('total') })} </span>
          {total !== null ? t('totalValue', { total: round(total) }) : '—'}
        </p>
      </Card>
      <Card className="space-y-3" data-testid="peer-scores">
        <h2 className="text-lg font-semibold">{t('peerTitle')}</h2>
        {!showPeerScores || peers === null ? (
          <p className="text-sm text-slate-600">{t('peersHidden')}</p>
        ) : peers.length === 0 ? (
          <p className="text-sm text-slate-600">{t('peerNone')}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t('peerIntro')}</p>
            <Table caption={t('peerTitle')}>
              <thead>
                <tr>
                  <Th>{t('peerReviewer')}</Th>
                  {criteria.map((c) => (
                    <Th key={c.id} className="text-end">
                      {c.name}
                    </Th>
                  ))}
                  <Th className="text-end">{t('total')}</Th>
                </tr>
              </thead>
              <tbody>
                {peers.map((p, i) => (
                  <tr key={i}>
                    <Td>{t('peerLabel', { n: i + 1 })}</Td>
                    {criteria.map((c) => (
                      <Td key={c.id} className="text-end tabular-nums">
                        {p.scores[c.id] ?? '—'}
                      </Td>
                    ))}
                    <Td className="text-end tabular-nums">{round(p.total)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </Card>
    </>
  );
}
