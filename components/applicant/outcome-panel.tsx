import { getFormatter, getTranslations } from 'next-intl/server';
import { money } from '@/components/calls/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { getPublishedOutcome } from '@/lib/data/selection';

type Outcome = NonNullable<Awaited<ReturnType<typeof getPublishedOutcome>>>;

/** The published outcome and the panel's feedback, from the frozen record. */
export async function OutcomePanel({ outcome }: { outcome: Outcome }) {
  const t = await getTranslations('outcome');
  const format = await getFormatter();
  const one = (n: number | null) => (n === null ? '—' : format.number(n, { maximumFractionDigits: 1 }));
  return (
    <Card className="space-y-4" data-testid="outcome">
      <div className="flex flex-wrap items-center gap-3">
        <h2>{t('title')}</h2>
        <Badge tone={outcome.outcome === 'selected' ? 'success' : outcome.outcome === 'reserve' ? 'info' : 'neutral'}>{t(`kind.${outcome.outcome}`)}</Badge>
      </div>
      <p>
        {outcome.outcome === 'selected' && outcome.awardedAmount !== null
          ? t('selected', { amount: money(format, outcome.awardedAmount, outcome.currency) })
          : !outcome.eligible
            ? t('ineligible')
            : t(outcome.outcome === 'reserve' ? 'reserve' : 'notSelected')}
      </p>
      {!outcome.eligible && outcome.eligibilityReason && (
        <p className="text-sm">
          <span className="font-medium">{t('reason')}</span> {outcome.eligibilityReason}
        </p>
      )}
      {outcome.feedback.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">{t('feedback')}</h3>
          <p className="text-sm text-slate-600">{t('feedbackIntro')}</p>
          <Table caption={t('feedback')}>
            <thead>
              <tr>
                <Th>{t('criterion')}</Th>
                <Th className="text-end">{t('yours')}</Th>
                <Th className="text-end">{t('cohort')}</Th>
                <Th className="text-end">{t('scale')}</Th>
              </tr>
            </thead>
            <tbody>
              {outcome.feedback.map((f) => (
                <tr key={f.criterion}>
                  <Td>{f.criterion}</Td>
                  <Td className="text-end tabular-nums">{one(f.yours)}</Td>
                  <Td className="text-end tabular-nums">{one(f.cohort)}</Td>
                  <Td className="text-end tabular-nums">{f.scaleMax}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {outcome.comments.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">{t('comments')}</h3>
          <ul className="list-disc space-y-1 ps-5 text-sm">
            {outcome.comments.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
