'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { fileSize } from '@/components/calls/format';
import { deleteFile, putFile } from '@/components/forms/file-transfer';
import { Button } from '@/components/ui/button';
import { FileInput } from '@/components/ui/input';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { acceptAttribute } from '@/lib/files/types';
import { reportFilesUrl } from './urls';

export type ReportFileForForm = { id: string; fileName: string; size: number };


/**
 * The files a partner attaches to a report (attendance sheets, photos, a statement): a list
 * to download or remove, and an upload control once the draft has been saved (it saves
 * itself as the person types). The server checks kind, size and count again.
 */
export function ReportFiles({
  awardId,
  periodId,
  initial,
  saved,
  rules,
}: {
  awardId: string;
  periodId: string;
  initial: ReportFileForForm[];
  /** The draft exists on the server: files can be attached to it. */
  saved: boolean;
  rules: { maxSizeBytes: number; maxFiles: number; kinds: string[] };
}) {
  const t = useTranslations('reports');
  const format = useFormatter();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState(initial);
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const limit = fileSize(format, rules.maxSizeBytes);
  const full = files.length >= rules.maxFiles;

  const upload = async (chosen: File) => {
    setMessage(null);
    if (chosen.size > rules.maxSizeBytes) {
      setMessage(t('fileTooLarge', { size: limit }));
      return;
    }
    setPending('upload');
    try {
      const answer = await putFile<{ file: ReportFileForForm }>(reportFilesUrl(awardId, periodId), chosen);
      if (answer.ok) setFiles((list) => [...list, answer.file]);
      else setMessage(answer.error ?? t('uploadFailed'));
    } catch {
      setMessage(t('uploadOffline'));
    } finally {
      setPending(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: ReportFileForForm) => {
    if (!(await confirm(t('confirmRemoveFile', { file: file.fileName }), { destructive: true, confirmLabel: t('removeFile', { file: file.fileName }) }))) return;
    setMessage(null);
    setPending(file.id);
    try {
      const answer = await deleteFile(reportFilesUrl(awardId, periodId, file.id));
      if (answer.ok) setFiles((list) => list.filter((f) => f.id !== file.id));
      else setMessage(answer.error ?? t('uploadFailed'));
    } catch {
      setMessage(t('uploadOffline'));
    } finally {
      setPending(null);
    }
  };

  return (
    <section aria-labelledby="report-files-heading" className="space-y-3" data-testid="report-files">
      {confirmDialog}
      <h2 id="report-files-heading">{t('filesTitle')}</h2>
      <p className="text-sm text-slate-600" id="report-files-hint">
        {t('filesHint', { types: rules.kinds.map((k) => k.toUpperCase()).join(', '), size: limit, max: rules.maxFiles })}
      </p>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noFiles')}</p>
      ) : (
        <ul className="space-y-1">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-3 text-sm">
              <a href={reportFilesUrl(awardId, periodId, f.id)} className="font-medium text-brand-700 underline" download>
                {f.fileName}
              </a>
              <span className="text-slate-500">({fileSize(format, f.size)})</span>
              <Button type="button" variant="ghost" size="sm" onClick={() => void remove(f)} pending={pending === f.id}>
                {t('removeFile', { file: f.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {saved ? (
        !full && (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor="report-file" className="text-sm font-medium">
              {t('attachFile')}
            </label>
            <FileInput
              ref={input}
              id="report-file"
              accept={acceptAttribute(rules.kinds)}
              disabled={pending !== null}
              aria-describedby="report-files-hint report-files-error"
              aria-invalid={message ? true : undefined}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void upload(chosen);
              }}
            />
            {pending === 'upload' && (
              <span role="status" className="text-sm text-slate-600">
                {t('uploading')}
              </span>
            )}
          </div>
        )
      ) : (
        <p className="text-sm text-slate-600">{t('filesAfterSave')}</p>
      )}
      <p id="report-files-error" className="text-sm text-red-700" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
