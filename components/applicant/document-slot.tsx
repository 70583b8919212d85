'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { fileSize } from '@/components/calls/format';
import { deleteFile, putFile } from '@/components/forms/file-transfer';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { FileInput, Select } from '@/components/ui/input';
import type { LibraryDocument } from '@/components/organisation/document-library';
import { attachLibraryDocumentAction } from '@/lib/actions/applications';
import { acceptAttribute } from '@/lib/files/types';
import type { DocumentKind } from '@/lib/validations/diligence';
import { fileUrl, type FileForForm, type RulesForForm } from './types';

type Slot = RulesForForm['slots'][number];

/**
 * One document slot: what it accepts, the file in it (download, replace, remove), an
 * upload control, and a document of the organisation's library to use instead of uploading
 * (one that has not expired). The server checks size and type again; this only saves a
 * wasted upload.
 */
export function DocumentSlot({
  applicationId,
  slot,
  file,
  editable,
  library = [],
  error,
  onChange,
}: {
  applicationId: string;
  slot: Slot;
  file: FileForForm | undefined;
  editable: boolean;
  library?: LibraryDocument[];
  error?: string;
  onChange: (file: FileForForm | null) => void;
}) {
  const t = useTranslations('application');
  const td = useTranslations('diligence');
  const format = useFormatter();
  const input = useRef<HTMLInputElement>(null);
  const usable = library.filter((d) => d.expiry !== 'expired');
  const [chosenDocument, setChosenDocument] = useState('');
  const [pending, setPending] = useState<'upload' | 'remove' | 'library' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const inputId = `slot-${slot.id}`;
  const types = slot.acceptedTypes.map((x) => x.toUpperCase()).join(', ');
  const limit = fileSize(format, slot.maxSizeBytes);
  const shownError = message ?? error;

  const upload = async (chosen: File) => {
    setMessage(null);
    if (chosen.size > slot.maxSizeBytes) {
      setMessage(t('fileTooLarge', { size: limit }));
      return;
    }
    setPending('upload');
    try {
      const answer = await putFile<{ file: FileForForm & { uploadedAt: string } }>(fileUrl(applicationId, slot.id), chosen);
      if (answer.ok) onChange({ ...answer.file, uploadedAt: String(answer.file.uploadedAt) });
      else setMessage(answer.error ?? t('uploadFailed'));
    } catch {
      setMessage(t('uploadOffline'));
    } finally {
      setPending(null);
      if (input.current) input.current.value = '';
    }
  };

  const attachFromLibrary = async () => {
    setMessage(null);
    if (!chosenDocument) return setMessage(t('chooseLibraryDocumentFirst'));
    setPending('library');
    try {
      const result = await attachLibraryDocumentAction({ applicationId, slotId: slot.id, documentId: chosenDocument });
      if (result.ok) {
        onChange({ slotId: slot.id, fileName: result.data.fileName, size: result.data.size, sha256: result.data.sha256, uploadedAt: result.data.uploadedAt });
        setChosenDocument('');
      } else setMessage(result.error);
    } catch {
      setMessage(t('uploadOffline'));
    } finally {
      setPending(null);
    }
  };

  const remove = async () => {
    if (!(await confirm(t('confirmRemoveFile', { file: file?.fileName ?? '' }), { destructive: true, confirmLabel: t('removeFile', { slot: slot.name }) }))) return;
    setMessage(null);
    setPending('remove');
    try {
      const answer = await deleteFile(fileUrl(applicationId, slot.id));
      if (answer.ok) onChange(null);
      else setMessage(answer.error ?? t('uploadFailed'));
    } catch {
      setMessage(t('uploadOffline'));
    } finally {
      setPending(null);
    }
  };

  return (
    <section aria-labelledby={`${inputId}-name`} className="space-y-2 rounded-md border border-slate-200 p-4" data-testid={`slot-${slot.name}`}>
      {confirmDialog}
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${inputId}-name`} className="text-base font-semibold">
          {slot.name}
        </h3>
        <Badge tone={slot.required ? 'warning' : 'neutral'}>{slot.required ? t('required') : t('optional')}</Badge>
        {file && <Badge tone="success">{t('uploaded')}</Badge>}
      </div>
      {slot.description && <p className="text-sm text-slate-600">{slot.description}</p>}
      <p className="text-xs text-slate-600" id={`${inputId}-hint`}>
        {t('fileRules', { types, size: limit })}
      </p>
      {file && (
        <p className="text-sm">
          <a href={fileUrl(applicationId, slot.id)} className="font-medium text-brand-700 underline" download>
            {file.fileName}
          </a>{' '}
          <span className="text-slate-500">({fileSize(format, file.size)})</span>
        </p>
      )}
      {editable && (
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={inputId} className="text-sm font-medium">
            {file ? t('replaceFile', { slot: slot.name }) : t('uploadFile', { slot: slot.name })}
          </label>
          <FileInput
            ref={input}
            id={inputId}
            accept={acceptAttribute(slot.acceptedTypes)}
            disabled={pending !== null}
            aria-describedby={`${inputId}-hint ${inputId}-error`}
            aria-invalid={shownError ? true : undefined}
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
          {file && (
            <Button type="button" variant="ghost" size="sm" onClick={remove} pending={pending === 'remove'}>
              {t('removeFile', { slot: slot.name })}
            </Button>
          )}
        </div>
      )}
      {editable && usable.length > 0 && (
        <div className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor={`${inputId}-library`} className="block text-sm font-medium">
              {t('useLibraryDocument', { slot: slot.name })}
            </label>
            <Select id={`${inputId}-library`} value={chosenDocument} disabled={pending !== null} onChange={(e) => setChosenDocument(e.target.value)}>
              <option value="">{t('chooseLibraryDocument')}</option>
              {usable.map((d) => (
                <option key={d.id} value={d.id}>
                  {`${td(`documentKinds.${d.kind as DocumentKind}`)}: ${d.fileName}`}
                </option>
              ))}
            </Select>
          </div>
          <Button type="button" variant="secondary" size="sm" onClick={() => void attachFromLibrary()} pending={pending === 'library'}>
            {t('useThisDocument')}
          </Button>
        </div>
      )}
      <p id={`${inputId}-error`} className="text-sm text-red-700" aria-live="polite">
        {shownError}
      </p>
    </section>
  );
}
