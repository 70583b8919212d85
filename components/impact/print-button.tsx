'use client';

import { buttonClass } from '@/components/ui/button';

/**
 * "Download PDF" through the browser's own print dialogue (Save as PDF): the print
 * stylesheet makes the page an A4 document, and no PDF library reaches the browser.
 */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  return (
    <button type="button" className={buttonClass('primary', 'sm')} onClick={() => window.print()} title={hint}>
      {label}
    </button>
  );
}
