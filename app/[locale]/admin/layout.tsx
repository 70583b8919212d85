import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

// Navigation only: every admin page checks its permission itself (requirePermission) (layouts are not re-run on every navigation).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('admin');
  const links = [
    { href: '/admin/calls', label: t('calls') },
    { href: '/admin/users', label: t('users') },
    { href: '/admin/sanctions', label: t('sanctions') },
    { href: '/admin/outbox', label: t('outbox') },
    { href: '/admin/audit', label: t('audit') },
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t('title')} className="border-b border-slate-200 pb-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="text-slate-700 hover:text-brand-700 hover:underline">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Each page gives its own client components the messages they use (ClientMessages): the admin pages differ too much to share one list. */}
      {children}
    </div>
  );
}
