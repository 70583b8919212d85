import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';

/** Previous/next links that keep the page's other query parameters. */
export async function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    search.set('page', String(p));
    return `${basePath}?${search}`;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center justify-between gap-4 text-sm text-slate-600">
      <span>{t('showing', { from, to, total })}</span>
      <span className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass('secondary', 'sm')} rel="prev">
            {t('previous')}
          </Link>
        ) : null}
        <span>{t('pageOf', { page, pages })}</span>
        {page < pages ? (
          <Link href={href(page + 1)} className={buttonClass('secondary', 'sm')} rel="next">
            {t('next')}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
