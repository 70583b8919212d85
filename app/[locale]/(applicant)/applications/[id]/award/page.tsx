import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AwardResponse } from '@/components/awards/award-response';
import { money } from '@/components/calls/format';
import { PageHeader } from '@/components/layout/page-header';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { BackArrow } from '@/components/ui/arrow';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { callTitleIn } from '@/lib/calls/languages';
import { getAwardForMember } from '@/lib/data/awards';
import { Link } from '@/lib/i18n/navigation';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('awards');
  return { title: t('title') };
}

const tones = { offered: 'warning', accepted: 'success', declined: 'neutral', lapsed: 'neutral' } as const;

/** The award offered to an application, for its organisation's members: read it, accept or decline it. */
export default async function AwardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/applications/${id}/award`);
  if (!uuidPattern.test(id)) notFound();
  // Members only: anyone else (another organisation, a reviewer, an admin) finds nothing here.
  const found = await getAwardForMember(user, id);
  if (!found) notFound();
  const { award, call } = found;
  const t = await getTranslations('awards');
  const format = await getFormatter();
  const locale = await getLocale();
  const now = new Date();
  const open = award.status === 'offered' && now.getTime() <= award.respondBy.getTime();
  return (
    <div className="space-y-6">
      <Link href={`/applications/${id}`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToApplication')}
      </Link>
      <PageHeader title={t('title')} intro={t('intro', { organisation: found.organisation, project: found.title, call: callTitleIn(call, locale) })} />
      <Card>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('status')}</dt>
            <dd className="mt-1">
              <Badge tone={tones[award.status]} data-testid="award-status">
                {t(`statusLabel.${award.status}`)}
              </Badge>
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('amount')}</dt>
            <dd className="mt-1 text-lg font-semibold" data-testid="award-amount">
              {money(format, award.amount, call.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t('respondBy')}</dt>
            <dd className="mt-1" data-testid="award-deadline">
              <Instant date={award.respondBy} timeZone={call.timeZone} />
            </dd>
          </div>
          <div className="sm:col-span-3">
            <dt className="text-sm font-medium text-slate-600">{t('conditions')}</dt>
            <dd className="mt-1 whitespace-pre-line">{award.conditions || t('standardConditions')}</dd>
          </div>
        </dl>
      </Card>
      {award.status === 'accepted' && award.respondedAt && (
        <Alert tone="success">{t.rich('accepted', { date: () => <Instant date={award.respondedAt!} timeZone={call.timeZone} /> })}</Alert>
      )}
      {award.status === 'declined' && award.respondedAt && (
        <Alert tone="info">
          <p>{t.rich('declined', { date: () => <Instant date={award.respondedAt!} timeZone={call.timeZone} /> })}</p>
          {award.declineReason && (
            <p className="mt-2">
              {t('yourReason')}: {award.declineReason}
            </p>
          )}
        </Alert>
      )}
      {award.status === 'lapsed' && <Alert tone="info">{t('lapsedText')}</Alert>}
      {award.status === 'offered' && !open && <Alert tone="warning">{t('deadlinePassed')}</Alert>}
      {open && <AwardResponse awardId={award.id} />}
    </div>
  );
}
