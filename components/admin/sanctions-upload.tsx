'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRouter } from '@/lib/i18n/navigation';

type Answer = { ok: true; counts: { individuals: number; entities: number; aliases: number }; openHits: number } | { ok: false; error: string };

/** Uploads a copy of the Consolidated List (the raw XML to app/api/admin/sanctions); the page shows the new version after. */
export function SanctionsUpload() {
  const t = useTranslations('diligence');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, start] = useTransition();

  const upload = () =>
    start(async () => {
      setMessage(null);
      const file = input.current?.files?.[0];
      if (!file) {
        setMessage({ tone: 'error', text: t('chooseFile') });
        return;
      }
      const response = await fetch('/api/admin/sanctions', {
        method: 'PUT',
        body: file,
        headers: { 'Content-Type': 'application/xml', 'X-File-Name': encodeURIComponent(file.name) },
      });
      const answer = (await response.json().catch(() => ({ ok: false, error: response.statusText }))) as Answer;
      if (!answer.ok) {
        setMessage({ tone: 'error', text: answer.error });
        return;
      }
      setMessage({ tone: 'success', text: t('imported', { individuals: answer.counts.individuals, entities: answer.counts.entities, open: answer.openHits }) });
      if (input.current) input.current.value = '';
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="sanctions-file" className="block text-sm font-medium text-slate-800">
          {t('fileLabel')}
        </label>
        <input id="sanctions-file" ref={input} type="file" accept=".xml,application/xml,text/xml" className="block text-sm" />
      </div>
      <Button type="button" onClick={upload} pending={pending}>
        {t('import')}
      </Button>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </div>
  );
}
