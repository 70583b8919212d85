import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PhaseBadge } from '@/components/calls/call-card';
import { fileSize, money } from '@/components/calls/format';
import { Markdown } from '@/components/calls/markdown';
import { Countdown } from '@/components/time/countdown';
import { Instant } from '@/components/time/instant';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { callLanguages, pickText, shownLanguage } from '@/lib/calls/languages';
import type { PublicPhase } from '@/lib/calls/phase';
import type { getCallBySlug } from '@/lib/data/calls';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { joinClauses, joinList } from '@/lib/i18n/formats';
import { Link } from '@/lib/i18n/navigation';
import { countryName } from '@/lib/reference/countries';
import { langAttrs } from './lang';
import { themeLabel } from '@/lib/i18n/themes';

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
  const tl = await getTranslations('languages');
  const autonyms = await getTranslations('locales');
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();

  // The call in the reader's language where it has it, else in its main language, said so.
  const languages = callLanguages(call);
  const shown = shownLanguage(call, locale);
  const text = <K extends string>(main: string, translations: Parameters<typeof pickText<K>>[1], key: K) => {
    const picked = pickText(main, translations, key, shown.locale, call.locale);
    return { text: picked.text, attrs: langAttrs(picked.locale, locale) };
  };
  const title = text(call.title, call.translations, 'title');
  const summary = text(call.summary, call.translations, 'summary');
  const description = text(call.description, call.translations, 'description');
  const applicationLocales = call.applicationLocales.filter(isLocale);

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
      {shown.fallback && (
        <div role="note" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" data-testid="language-fallback">
          <p>{t('languageFallback', { wanted: locale, shown: shown.locale })}</p>
          {languages.length > 1 && (
            <p className="mt-1">
              {tc('label', { label: t('readIn') })}{' '}
              {languages.map((l, i) => (
                <span key={l}>
                  {i > 0 && ' · '}
                  <Link href={`/calls/${call.slug}`} locale={l} lang={l} hrefLang={l} className="font-medium underline">
                    {autonyms(l)}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </div>
      )}
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <PhaseBadge phase={phase} />
          {call.illustrative && <Badge tone="warning">{tc('illustrative')}</Badge>}
        </div>
        <h1 className="text-3xl" {...title.attrs}>
          {title.text}
        </h1>
        {summary.text && (
          <p className="max-w-3xl text-lg text-slate-700" {...summary.attrs}>
            {summary.text}
          </p>
        )}
        {call.illustrative && (
          // A note written with the demo data, in the call's main language.
          <p className="max-w-3xl text-sm text-amber-800" {...langAttrs(call.locale, locale)}>
            {call.illustrative}
          </p>
        )}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-8">
          {description.text && (
            <section aria-labelledby="about">
              <h2 id="about">{t('description')}</h2>
              <div {...description.attrs}>
                <Markdown source={description.text} />
              </div>
            </section>
          )}

          <section aria-labelledby="criteria" className="space-y-3">
            <h2 id="criteria">{t('criteria')}</h2>
            <p className="text-sm text-slate-600">{t('criteriaIntro')}</p>
            <Table caption={t('criteria')}>
              <thead>
                <tr>
                  <Th>{t('criterion')}</Th>
                  <Th className="w-24 text-end">{t('weight')}</Th>
                  <Th className="w-28">{t('scale')}</Th>
                </tr>
              </thead>
              <tbody>
                {detail.criteria.map((c) => {
                  const name = text(c.name, c.translations, 'name');
                  const guidance = text(c.guidance, c.translations, 'guidance');
                  return (
                    <tr key={c.id}>
                      <Td>
                        <div className="font-medium" {...name.attrs}>
                          {name.text}
                        </div>
                        {guidance.text && (
                          <div className="text-slate-600" {...guidance.attrs}>
                            {guidance.text}
                          </div>
                        )}
                      </Td>
                      <Td className="text-end tabular-nums">{c.weight}</Td>
                      <Td>{t('scaleRange', { min: c.scaleMin, max: c.scaleMax })}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            {call.blindReview && <p className="text-sm text-slate-600">{t('blindReview')}</p>}
          </section>

          {detail.requirements.length > 0 && (
            <section aria-labelledby="eligibility" className="space-y-3">
              <h2 id="eligibility">{t('eligibility')}</h2>
              <p className="text-sm text-slate-600">{t('eligibilityIntro')}</p>
              <ul className="list-disc space-y-1 ps-6">
                {detail.requirements.map((r) => {
                  const statement = text(r.statement, r.translations, 'statement');
                  return (
                    <li key={r.id}>
                      <span {...statement.attrs}>{statement.text}</span>{' '}
                      {!r.required && <span className="text-sm text-slate-600">({t('informative')})</span>}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          {detail.slots.length > 0 && (
            <section aria-labelledby="documents" className="space-y-3">
              <h2 id="documents">{t('documents')}</h2>
              <ul className="space-y-2">
                {detail.slots.map((s) => {
                  const name = text(s.name, s.translations, 'name');
                  const about = text(s.description, s.translations, 'description');
                  return (
                    <li key={s.id}>
                      <span className="font-medium" {...name.attrs}>
                        {name.text}
                      </span>{' '}
                      <span className="text-sm text-slate-600">
                        (
                        {joinClauses(
                          [
                            s.required ? t('documentRequired') : t('documentOptional'),
                            t('documentTypes', {
                              types: joinList(s.acceptedTypes.map((x) => x.toUpperCase()), locale),
                              size: fileSize(format, s.maxSizeBytes),
                            }),
                          ],
                          locale,
                        )}
                        )
                      </span>
                      {about.text && (
                        <div className="text-sm text-slate-600" {...about.attrs}>
                          {about.text}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <section aria-labelledby="faq" className="space-y-3">
            <h2 id="faq">{t('faq')}</h2>
            {detail.faq.length ? (
              <dl className="space-y-4">
                {detail.faq.map((q) => {
                  const question = text(q.question ?? '', q.translations, 'question');
                  const answer = text(q.answer ?? '', q.translations, 'answer');
                  return (
                    <div key={q.id} className="rounded-md border border-slate-200 bg-white p-4">
                      <dt className="font-medium" {...question.attrs}>
                        {question.text}
                      </dt>
                      <dd className="mt-2 whitespace-pre-line text-slate-700" {...answer.attrs}>
                        {answer.text}
                      </dd>
                    </div>
                  );
                })}
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
                <dd>{joinList(detail.countries.map((c) => countryName(c, locale)), locale) || tc('notSet')}</dd>
              </div>
              {detail.themes.length > 0 && (
                <div>
                  <dt className="font-medium text-slate-600">{t('themes')}</dt>
                  <dd>{joinList(detail.themes.map((code) => themeLabel(tt, code)), locale)}</dd>
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
              <div>
                <dt className="font-medium text-slate-600">{t('languages')}</dt>
                <dd data-testid="call-languages">{joinList(languages.map((l) => tl(l)), locale)}</dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{t('applicationLanguages')}</dt>
                <dd data-testid="application-languages">{joinList(applicationLocales.map((l) => tl(l)), locale)}</dd>
              </div>
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
                      {/* Counted by the browser: this page is cached. */}
                      {key === 'closesAt' && phase === 'open' && (
                        <div>
                          <Countdown until={date!.toISOString()} />
                        </div>
                      )}
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
