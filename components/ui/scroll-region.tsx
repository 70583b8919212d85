'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways when its content (a wide table) is wider than the screen,
 * and then says so: a visible hint above it, shadows on the edge that hides more, and a
 * group that takes the keyboard focus, named by `labelledBy`. Without JavaScript it
 * still scrolls; the hint appears once the browser has measured.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const t = useTranslations('common');
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div className="min-w-0">
      {overflows && (
        <p id={hintId} className="mb-1 flex items-center gap-1 text-xs text-slate-600" data-testid="scroll-hint">
          <span aria-hidden>↔</span>
          {t('scrollHint')}
        </p>
      )}
      <div
        ref={ref}
        className="scroll-shadows relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        // A group, not a region: a landmark per table would repeat the name of the section around it.
        role="group"
        aria-labelledby={labelledBy}
        aria-describedby={overflows ? hintId : undefined}
        tabIndex={0}
      >
        {children}
      </div>
    </div>
  );
}
