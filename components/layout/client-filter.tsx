'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Filters a server-rendered list in the browser, so the page itself stays cached and the
 * same for everyone. The children hold a `FilterForm` (whose fields name the filters) and
 * items marked `data-filter-item`, each carrying `data-<field>` with the space-separated
 * values it matches; a search field (`type="search"`) matches items whose `data-<field>`
 * contains each of its words. The address mirrors the filters, so a filtered list can be shared.
 */
/** The messages that say how many items a filter shows (each takes `shown` and `total`). */
type CountKey = 'callSearch.count' | 'partners.count';

export function ClientFilter({ countKey, children }: { countKey: CountKey; children: ReactNode }) {
  const t = useTranslations();
  const root = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState<{ shown: number; total: number } | null>(null);

  useEffect(() => {
    const container = root.current;
    const form = container?.querySelector('form');
    if (!container || !form) return;
    const fields = () => [...form.elements].filter((e): e is HTMLInputElement | HTMLSelectElement => 'name' in e && !!(e as HTMLInputElement).name);

    const apply = () => {
      const wanted = fields()
        .map((f) => [f.name, f.value.trim().toLowerCase(), f.type === 'search'] as const)
        .filter(([, v]) => v);
      const items = [...container.querySelectorAll<HTMLElement>('[data-filter-item]')];
      let shown = 0;
      for (const item of items) {
        const match = wanted.every(([name, value, search]) => {
          const values = (item.dataset[name] ?? '').toLowerCase();
          return search ? value.split(/\s+/).every((word) => values.includes(word)) : values.split(' ').includes(value);
        });
        item.hidden = !match;
        if (match) shown += 1;
      }
      setCount({ shown, total: items.length });
      const query = new URLSearchParams(wanted.map(([n, v]) => [n, v]));
      const search = query.size ? `?${query}` : '';
      if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
    };

    // Filters from the address (a shared link, or the form sent before this script ran).
    const initial = new URLSearchParams(window.location.search);
    for (const field of fields()) {
      const value = initial.get(field.name);
      if (value !== null) field.value = value;
    }
    apply();
    const onSubmit = (event: Event) => {
      event.preventDefault();
      apply();
    };
    form.addEventListener('submit', onSubmit);
    form.addEventListener('change', apply);
    // A search narrows the list as it is typed.
    form.addEventListener('input', apply);
    return () => {
      form.removeEventListener('input', apply);
      form.removeEventListener('submit', onSubmit);
      form.removeEventListener('change', apply);
    };
  }, []);

  return (
    <div ref={root} className="space-y-6">
      {children}
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="filter-count">
        {count && t(countKey, count)}
      </p>
    </div>
  );
}
