'use client';

import { useEffect } from 'react';

declare global {
  interface Window {
    __eoiReleaseSubmits?: () => void;
  }
}

/**
 * Last in the body, so its effect runs once the page above it has hydrated: sends the
 * submit held by HoldSubmitsScript (held-submits.tsx), if any. A click on a button still
 * inside a Suspense boundary that has not hydrated makes React hydrate it first.
 */
export function ReleaseHeldSubmits() {
  useEffect(() => {
    const timer = setTimeout(() => window.__eoiReleaseSubmits?.(), 0);
    return () => clearTimeout(timer);
  }, []);
  return null;
}
