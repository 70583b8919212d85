import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Countdown } from '@/components/time/countdown';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Instant } from '@/components/time/instant';
import { inLanguage, shownLanguage } from '@/lib/calls/languages';
import { publicPhase } from '@/lib/calls/phase';
import { joinList } from '@/lib/i18n/formats';
import type { Locale } from '@/lib/i18n/config';
import type { CallSummary } from '@/lib/data/calls';
import { Link } from '@/lib/i18n/navigation';
import { countryName } from '@/lib/reference/countries';

export async function PhaseBadge({ phase }: { phase: ReturnType<typeof publicPhase> }) {
  const t = await getTranslations('phase');
  const tone = phase === 'open' ? 'success' : phase === 'upcoming' ? 'info' : phase === 'results' ? 'info' : phase === 'cancelled' ? 'danger' : 'neutral';
  return <Badge tone={tone}>{t(phase)}</Badge>;
}

export async function CallCard({ call, now }: { call: CallSummary; now: Date }) {
  const t = await getTranslations('home');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const format = await getFormatter();
  const phase = publicPhase(call, now);
  // The call in the reader's language where it has it; the text says which language it is in.
  const shown = shownLanguage(call, locale as Locale).locale;
  const text = inLanguage({ title: call.title, summary: call.summary }, call.translations, shown, call.locale);
  const lang = shown !== locale ? shown : undefined;
  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <PhaseBadge phase={phase} />
        {/* Time left is worked out by the browser: this card is cached. */}
        {phase === 'open' && call.closesAt && (
          <span className="text-sm text-slate-600">
            <Countdown until={call.closesAt.toISOString()} />
          </span>
        )}
      </div>
      <h3 className="text-lg font-semibold" lang={lang}>
        <Link href={phase === 'results' ? `/calls/${call.slug}/results` : `/calls/${call.slug}`} className="hover:underline">
          {text.title}
        </Link>
      </h3>
      {text.summary && (
        <p className="text-sm text-slate-700" lang={lang}>
          {text.summary}
        </p>
      )}
      <dl className="space-y-0.5 text-sm text-slate-600">
        {/* Who runs the call and who pays for it: what applicants look for first. */}
        {call.issuer && (
          <div data-testid="call-issuer">
            <dt className="inline font-medium">{tc('label', { label: t('issuer') })} </dt>
            <dd className="inline">{call.issuer}</dd>
          </div>
        )}
        {call.funder && (
          <div data-testid="call-funder">
            <dt className="inline font-medium">{tc('label', { label: t('funder') })} </dt>
            <dd className="inline">{call.funder}</dd>
          </div>
        )}
        {call.countries.length > 0 && (
          <div>
            <dt className="inline font-medium">{tc('label', { label: t('countries') })} </dt>
            <dd className="inline">{joinList(call.countries.map((c) => countryName(c, locale)), locale)}</dd>
          </div>
        )}
      </dl>
      <div className="grid gap-1 text-sm text-slate-600">
        {phase === 'upcoming' && call.opensAt && (
          <p>{t.rich('opens', { date: () => <Instant date={call.opensAt!} timeZone={call.timeZone} /> })}</p>
        )}
        {(phase === 'open' || phase === 'upcoming') && call.closesAt && (
          <p>{t.rich('closes', { date: () => <Instant date={call.closesAt!} timeZone={call.timeZone} /> })}</p>
        )}
        {phase === 'results' && call.publishedAt && (
          <p>{t('publishedOn', { date: format.dateTime(call.publishedAt, { dateStyle: 'long', timeZone: call.timeZone }) })}</p>
        )}
      </div>
      <div className="mt-auto pt-1">
        <Link href={`/calls/${call.slug}`} className="text-sm font-medium text-brand-600 hover:underline">
          {t('viewCall')}
        </Link>
        {phase === 'results' && (
          <Link href={`/calls/${call.slug}/results`} className="ms-4 text-sm font-medium text-brand-600 hover:underline">
            {t('viewResults')}
          </Link>
        )}
      </div>
    </Card>
  );
}
