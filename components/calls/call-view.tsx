import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PhaseBadge } from '@/components/calls/call-card';
import { fileSize, money } from '@/components/calls/format';
import { Markdown } from '@/components/calls/markdown';
import { Instant } from '@/components/time/instant';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { PublicPhase } from '@/lib/calls/phase';
import type { getCallBySlug } from '@/lib/data/calls';
import { countryName } from '@/lib/reference/countries';

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCallBySlug>>>;

/**
 * A call as visitors read it: the public page (cached, the same for everyone) and the
 * admins' preview of a draft. What depends on the reader (applying, asking a question)
 * comes in through the two slots.
 */
export async function CallView({
  detail,
  phase,
  banner,
  applyPanel,
  questionsPanel,
}: {
  detail: CallDetail;
  phase: PublicPhase;
  banner?: ReactNode;
  applyPanel: ReactNode;
  questionsPanel: ReactNode;
}) {
  const { call } = detail;
  const t = await getTranslations('call');
  const tc = await getTranslations('common');
  const tt = await getTranslations('themes');
  const locale = await getLocale();
  const format = await getFormatter();

  const dates = (
    [
      ['opensAt', call.opensAt],
      ['clarificationDeadline', call.clarificationDeadline],
      ['closesAt', call.closesAt],
      ['resultsExpectedAt', call.resultsExpectedAt],
    ] as const
  ).filter(([, d]) => d);

  return (
    <article className="space-y-8">
      {banner}
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <PhaseBadge phase={phase} />
          {call.illustrative && <Badge tone="warning">{tc('illustrative')}</Badge>}
        </div>
        <h1 className="text-3xl">{call.title}</h1>
        {call.summary && <p className="max-w-3xl text-lg text-slate-700">{call.summary}</p>}
        {call.illustrative && <p className="max-w-3xl text-sm text-amber-800">{call.illustrative}</p>}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-8">
          {call.description && (
            <section aria-labelledby="about">
              <h2 id="about">{t('description')}</h2>
              <Markdown source={call.description} />
            </section>
          )}

          <section aria-labelledby="criteria" className="space-y-3">
            <h2 id="criteria">{t('criteria')}</h2>
            <p className="text-sm text-slate-600">{t('criteriaIntro')}</p>
            <Table>
              <thead>
                <tr>
                  <Th>{t('criterion')}</Th>
                  <Th className="w-24 text-end">{t('weight')}</Th>
                  <Th className="w-28">{t('scale')}</Th>
                </tr>
              </thead>
              <tbody>
                {detail.criteria.map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <div className="font-medium">{c.name}</div>
                      {c.guidance && <div className="text-slate-600">{c.guidance}</div>}
                    </Td>
                    <Td className="text-end tabular-nums">{c.weight}</Td>
                    <Td>{t('scaleRange', { min: c.scaleMin, max: c.scaleMax })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {call.blindReview && <p className="text-sm text-slate-600">{t('blindReview')}</p>}
          </section>

          {detail.requirements.length > 0 && (
            <section aria-labelledby="eligibility" className="space-y-3">
              <h2 id="eligibility">{t('eligibility')}</h2>
              <p className="text-sm text-slate-600">{t('eligibilityIntro')}</p>
              <ul className="list-disc space-y-1 ps-6">
                {detail.requirements.map((r) => (
                  <li key={r.id}>
                    {r.statement} {!r.required && <span className="text-sm text-slate-500">({t('informative')})</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {detail.slots.length > 0 && (
            <section aria-labelledby="documents" className="space-y-3">
              <h2 id="documents">{t('documents')}</h2>
              <ul className="space-y-2">
                {detail.slots.map((s) => (
                  <li key={s.id}>
                    <span className="font-medium">{s.name}</span>{' '}
                    <span className="text-sm text-slate-500">
                      ({s.required ? t('documentRequired') : t('documentOptional')};{' '}
                      {t('documentTypes', {
                        types: s.acceptedTypes.map((x) => x.toUpperCase()).join(', '),
                        size: fileSize(format, s.maxSizeBytes),
                      })}
                      )
                    </span>
                    {s.description && <div className="text-sm text-slate-600">{s.description}</div>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="faq" className="space-y-3">
            <h2 id="faq">{t('faq')}</h2>
            {detail.faq.length ? (
              <dl className="space-y-4">
                {detail.faq.map((q) => (
                  <div key={q.id} className="rounded-md border border-slate-200 bg-white p-4">
                    <dt className="font-medium">{q.question}</dt>
                    <dd className="mt-2 whitespace-pre-line text-slate-700">{q.answer}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-sm text-slate-600">{t('faqEmpty')}</p>
            )}
            {questionsPanel}
          </section>
        </div>

        <aside className="space-y-4">
          <Card className="space-y-4">{applyPanel}</Card>
          <Card>
            <dl className="space-y-3 text-sm">
              {call.funder && (
                <div>
                  <dt className="font-medium text-slate-600">{t('funder')}</dt>
                  <dd>{call.funder}</dd>
                </div>
              )}
              <div>
                <dt className="font-medium text-slate-600">{t('countries')}</dt>
                <dd>{detail.countries.map((c) => countryName(c, locale)).join(', ') || tc('notSet')}</dd>
              </div>
              {detail.themes.length > 0 && (
                <div>
                  <dt className="font-medium text-slate-600">{t('themes')}</dt>
                  <dd>{detail.themes.map((code) => (tt.has(code as never) ? tt(code as never) : code)).join(', ')}</dd>
                </div>
              )}
              {call.maxBudget !== null && (
                <div>
                  <dt className="font-medium text-slate-600">{t('budget')}</dt>
                  <dd>
                    {call.minBudget
                      ? t('budgetRange', { min: money(format, call.minBudget, call.currency), max: money(format, call.maxBudget, call.currency) })
                      : t('budgetUpTo', { max: money(format, call.maxBudget, call.currency) })}
                  </dd>
                </div>
              )}
              {call.envelope !== null && (
                <div>
                  <dt className="font-medium text-slate-600">{t('envelope')}</dt>
                  <dd>{money(format, call.envelope, call.currency)}</dd>
                </div>
              )}
              {call.expectedPartners !== null && (
                <div>
                  <dt className="font-medium text-slate-600">{t('expectedPartners')}</dt>
                  <dd>{call.expectedPartners}</dd>
                </div>
              )}
            </dl>
          </Card>
          {dates.length > 0 && (
            <Card>
              <h2 className="mb-3 text-base">{t('dates')}</h2>
              <dl className="space-y-3 text-sm">
                {dates.map(([key, date]) => (
                  <div key={key}>
                    <dt className="font-medium text-slate-600">{t(key)}</dt>
                    <dd>
                      <Instant date={date!} timeZone={call.timeZone} dateOnly={key === 'resultsExpectedAt'} />
                    </dd>
                  </div>
                ))}
              </dl>
            </Card>
          )}
        </aside>
      </div>
    </article>
  );
}
