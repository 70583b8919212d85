import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';
import { BackArrow } from '@/components/ui/arrow';

/** "Back to the call" and the call's review stages, on each admin review page. */
export async function CallReviewNav({ callId, current }: { callId: string; current: 'screening' | 'assignments' | 'ranking' }) {
  const t = await getTranslations('reviewAdmin');
  const stages = ['screening', 'assignments', 'ranking'] as const;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <Link href={`/admin/calls/${callId}`} className="text-sm text-brand-700 hover:underline">
        <BackArrow /> {t('backToCall')}
      </Link>
      <nav aria-label={t('stages')}>
        <ul className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
          {stages.map((stage) => (
            <li key={stage}>
              <Link
                href={`/admin/calls/${callId}/${stage}`}
                aria-current={stage === current ? 'page' : undefined}
                className={cn('block rounded-md px-3 py-1.5', stage === current ? 'bg-white font-medium shadow-xs' : 'text-slate-700 hover:text-brand-700')}
              >
                {t(stage)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
