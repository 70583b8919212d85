'use client';

import { useTranslations } from 'next-intl';
import { can } from '@/lib/authz';
import type { ReactNode } from 'react';
import { useViewer } from '@/components/layout/use-viewer';
import { useClock } from '@/components/time/use-clock';
import { buttonClass } from '@/components/ui/button';
import type { PublicPhase } from '@/lib/calls/phase';
import { Link } from '@/lib/i18n/navigation';

/**
 * The call page's way in. The page is cached and the same for everyone, so who is reading
 * (visitor, applicant, staff) and whether the call has opened or closed since it was
 * rendered are worked out here, in the browser. The server refuses late applications
 * whatever this shows.
 */
export function ApplyPanel({
  slug,
  phase: renderedPhase,
  opensAt,
  closesAt,
  opensOn,
}: {
  slug: string;
  phase: PublicPhase;
  opensAt: string | null;
  closesAt: string | null;
  /** The opening instant, written on the server in the call's time zone. */
  opensOn: ReactNode;
}) {
  const t = useTranslations('call');
  const viewer = useViewer();
  const now = useClock([opensAt, closesAt]);
  let phase = renderedPhase;
  if (now !== null && (phase === 'open' || phase === 'upcoming')) {
    if (closesAt && now >= new Date(closesAt).getTime()) phase = 'closed';
    else if (opensAt && now < new Date(opensAt).getTime()) phase = 'upcoming';
    else phase = 'open';
  }

  if (phase === 'open') {
    if (viewer && !can(viewer, 'application:edit')) return <p className="text-sm text-slate-600">{t('applyStaff')}</p>;
    // A visitor (or one not known yet) goes through sign-in, which brings them back here.
    const href = viewer ? `/calls/${slug}/apply` : `/sign-in?callbackUrl=${encodeURIComponent(`/calls/${slug}/apply`)}`;
    return (
      <Link href={href} className={buttonClass('primary', 'lg', 'w-full')}>
        {viewer ? t('apply') : t('signInToApply')}
      </Link>
    );
  }
  if (phase === 'upcoming') return <p className="text-sm">{t.rich('applyNotYet', { date: () => opensOn })}</p>;
  if (phase === 'results') {
    return (
      <Link href={`/calls/${slug}/results`} className={buttonClass('primary', 'lg', 'w-full')}>
        {t('seeResults')}
      </Link>
    );
  }
  return <p className="text-sm text-slate-600">{t('applyClosed')}</p>;
}
