'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { fileSize } from '@/components/calls/format';
import { deleteFile, putFile } from '@/components/forms/file-transfer';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { FileInput, Input, Select } from '@/components/ui/input';
import { Table, Td, Th } from '@/components/ui/table';
import { acceptAttribute } from '@/lib/files/types';
import { documentKinds, type DocumentKind } from '@/lib/validations/diligence';

export type LibraryDocument = {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  expiresOn: string | null;
  expiry: 'none' | 'valid' | 'soon' | 'expired';
};

const expiryTone = { none: 'neutral', valid: 'success', soon: 'warning', expired: 'danger' } as const;

export const documentUrl = (organisationId: string, documentId?: string) =>
  `/api/organisations/${organisationId}/documents${documentId ? `/${documentId}` : ''}`;

/**
 * The organisation's library of documents, kept once for every application and for the
 * verification before an award: members add (kind, expiry date, file) and remove; admins
 * read. Each document says whether it has expired or soon will.
 */
export function DocumentLibrary({
  organisationId,
  initial,
  editable,
  rules,
}: {
  organisationId: string;
  initial: LibraryDocument[];
  editable: boolean;
  rules: { maxSizeBytes: number; maxFiles: number; kinds: string[] };
}) {
  const t = useTranslations('diligence');
  const format = useFormatter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [documents, setDocuments] = useState(initial);
  const [kind, setKind] = useState<DocumentKind>('registration_certificate');
  const [expiresOn, setExpiresOn] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const limit = fileSize(format, rules.maxSizeBytes);

  const expiryText = (d: LibraryDocument) => {
    if (!d.expiresOn) return t('expiryNone');
    const date = format.dateTime(new Date(`${d.expiresOn}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
    return t(`expiry.${d.expiry}`, { date });
  };

  const upload = async () => {
    setMessage(null);
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) return setMessage({ tone: 'error', text: t('chooseFile') });
    if (chosen.size > rules.maxSizeBytes) return setMessage({ tone: 'error', text: t('documentTooLarge', { size: limit }) });
    setPending('upload');
    try {
      const query = new URLSearchParams({ kind, expiresOn });
      const answer = await putFile<{ document: LibraryDocument }>(`${documentUrl(organisationId)}?${query}`, chosen);
      if (answer.ok) {
        setDocuments((list) => [answer.document, ...list]);
        setMessage({ tone: 'success', text: t('documentAdded', { file: answer.document.fileName }) });
        setExpiresOn('');
        if (fileInput.current) fileInput.current.value = '';
      } else setMessage({ tone: 'error', text: answer.error ?? t('documentFailed') });
    } catch {
      setMessage({ tone: 'error', text: t('documentOffline') });
    } finally {
      setPending(null);
    }
  };

  const remove = async (d: LibraryDocument) => {
    if (!(await confirm(t('confirmRemoveDocument', { file: d.fileName }), { destructive: true, confirmLabel: t('removeDocument', { file: d.fileName }) }))) return;
    setMessage(null);
    setPending(d.id);
    try {
      const answer = await deleteFile(documentUrl(organisationId, d.id));
      if (answer.ok) {
        setDocuments((list) => list.filter((x) => x.id !== d.id));
        setMessage({ tone: 'success', text: t('documentRemoved', { file: d.fileName }) });
      } else setMessage({ tone: 'error', text: answer.error ?? t('documentFailed') });
    } catch {
      setMessage({ tone: 'error', text: t('documentOffline') });
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="space-y-4" data-testid="document-library">
      {confirmDialog}
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noDocuments')}</p>
      ) : (
        <Table caption={t('documentsTitle')}>
          <thead>
            <tr>
              <Th>{t('documentKind')}</Th>
              <Th>{t('documentFile')}</Th>
              <Th>{t('documentExpiry')}</Th>
              {editable && (
                <Th>
                  <span className="sr-only">{t('documentActions')}</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} data-testid={`document-${d.expiry}`}>
                <Td>{t(`documentKinds.${d.kind as DocumentKind}`)}</Td>
                <Td>
                  <a href={documentUrl(organisationId, d.id)} className="font-medium text-brand-700 underline" download>
                    {d.fileName}
                  </a>{' '}
                  <span className="text-slate-500">({fileSize(format, d.size)})</span>
                </Td>
                <Td>
                  <Badge tone={expiryTone[d.expiry]}>{expiryText(d)}</Badge>
                </Td>
                {editable && (
                  <Td>
                    <Button type="button" variant="ghost" size="sm" onClick={() => void remove(d)} pending={pending === d.id}>
                      {t('removeDocument', { file: d.fileName })}
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editable && documents.length < rules.maxFiles && (
        <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3" aria-describedby="library-hint">
          <legend className="px-1 text-sm font-medium">{t('addDocument')}</legend>
          <p id="library-hint" className="text-xs text-slate-600 sm:col-span-3">
            {t('libraryHint', { types: rules.kinds.map((k) => k.toUpperCase()).join(', '), size: limit })}
          </p>
          <div className="space-y-1">
            <label htmlFor="library-kind" className="block text-sm font-medium">
              {t('documentKind')}
            </label>
            <Select id="library-kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {documentKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`documentKinds.${k}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="library-expiry" className="block text-sm font-medium">
              {t('documentExpiresOn')}
            </label>
            <Input id="library-expiry" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} aria-describedby="library-expiry-hint" />
            <p id="library-expiry-hint" className="text-xs text-slate-600">
              {t('documentExpiresOnHint')}
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor="library-file" className="block text-sm font-medium">
              {t('documentFile')}
            </label>
            <FileInput
              ref={fileInput}
              id="library-file"
              accept={acceptAttribute(rules.kinds)}
              className="w-full"
            />
          </div>
          <div className="sm:col-span-3">
            <Button type="button" onClick={() => void upload()} pending={pending === 'upload'}>
              {t('addDocumentButton')}
            </Button>
          </div>
        </fieldset>
      )}
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </div>
  );
}
