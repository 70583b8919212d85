'use client';

import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';

/**
 * The form-level error, announced when it appears. When no field took the focus for its
 * own error, the focus moves here, so a keyboard or screen-reader user lands on it.
 */
export function FormError({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!message) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.getAttribute('aria-invalid') === 'true') return;
      ref.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [message]);
  return (
    <div ref={ref} tabIndex={-1} aria-live="assertive" className="outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
      {message ? <Alert tone="error">{message}</Alert> : null}
    </div>
  );
}
