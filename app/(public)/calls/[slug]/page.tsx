import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PhaseBadge } from '@/components/calls/call-card';
import { fileSize, money } from '@/components/calls/format';
import { Markdown } from '@/components/calls/markdown';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { Instant } from '@/components/time/instant';
import { getOptionalUser } from '@/lib/auth/session';
import { publicPhase } from '@/lib/calls/phase';
import { getCallBySlug } from '@/lib/data/calls';
import { listMyQuestions, questionDeadline } from '@/lib/data/questions';
import { AskQuestionForm } from '@/components/calls/ask-question-form';
import { countryName } from '@/lib/reference/countries';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const detail = await getCallBySlug(await getOptionalUser(), slug);
  return { title: detail?.call.title };
}

export default async function CallPage({ params }: Props) {
  const { slug } = await params;
  const user = await getOptionalUser();
  const detail = await getCallBySlug(user, slug);
  if (!detail) notFound();
  const { call } = detail;
  const t = await getTranslations('call');
  const tc = await getTranslations('common');
  const tt = await getTranslations('themes');
  const locale = await getLocale();
  const format = await getFormatter();
  const now = new Date();
  const phase = publicPhase(call, now);
  const tq = await getTranslations('questions');
  const deadline = questionDeadline(call);
  const questionsOpen = phase === 'open' && (!deadline || now < deadline);
  const myQuestions = user?.roles.includes('applicant') ? await listMyQuestions(user, call.id) : [];

  const dates = (
    [
      ['opensAt', call.opensAt],
      ['clarificationDeadline', call.clarificationDeadline],
      ['closesAt', call.closesAt],
      ['resultsExpectedAt', call.resultsExpectedAt],
    ] as const
  ).filter(([, d]) => d);

  let applyPanel;
  if (phase === 'open') {
    if (!user) {
      applyPanel = (
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/calls/${call.slug}`)}`} className={buttonClass('primary', 'lg', 'w-full')}>
          {t('signInToApply')}
        </Link>
      );
    } else if (user.roles.includes('applicant')) {
      applyPanel = (
        <Link href={`/calls/${call.slug}/apply`} className={buttonClass('primary', 'lg', 'w-full')}>
          {t('apply')}
        </Link>
      );
    } else {
      applyPanel = <p className="text-sm text-slate-600">{t('applyStaff')}</p>;
    }
  } else if (phase === 'upcoming' && call.opensAt) {
    applyPanel = <p className="text-sm">{t.rich('applyNotYet', { date: () => <Instant date={call.opensAt!} timeZone={call.timeZone} /> })}</p>;
  } else if (phase === 'results') {
    applyPanel = (
      <Link href={`/calls/${call.slug}/results`} className={buttonClass('primary', 'lg', 'w-full')}>
        {t('seeResults')}
      </Link>
    );
  } else {
    applyPanel = <p className="text-sm text-slate-600">{t('applyClosed')}</p>;
  }

  return (
    <article className="space-y-8">
      {call.status === 'draft' && <Alert tone="warning">{t('draftPreview')}</Alert>}
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
            {myQuestions.length > 0 && (
              <div className="space-y-2">
                <h3 className="font-medium">{tq('yours')}</h3>
                <ul className="space-y-1 text-sm">
                  {myQuestions.map((q) => (
                    <li key={q.id}>
                      “{q.question}” <span className="text-slate-600">({tq(`yourStatus.${q.status}`)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {questionsOpen && deadline && (
              <Card className="space-y-3">
                <h3 className="font-semibold">{tq('askTitle')}</h3>
                <p className="text-sm text-slate-600">{tq.rich('askIntro', { deadline: () => <Instant date={deadline} timeZone={call.timeZone} /> })}</p>
                {user?.roles.includes('applicant') ? (
                  <AskQuestionForm callId={call.id} />
                ) : !user ? (
                  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/calls/${call.slug}#faq`)}`} className="text-sm font-medium text-brand-600 hover:underline">
                    {tq('signInToAsk')}
                  </Link>
                ) : null}
              </Card>
            )}
            {phase === 'open' && !questionsOpen && <p className="text-sm text-slate-600">{tq('closed')}</p>}
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
