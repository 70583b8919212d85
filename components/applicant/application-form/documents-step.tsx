'use client';

import { useTranslations } from 'next-intl';
import { DocumentSlot } from '../document-slot';
import { useApplicationForm, useStep } from './context';

/** Step 7: a file for each of the call's document slots. */
export function DocumentsStep() {
  const t = useTranslations('application');
  const { applicationId, rules, files, setFiles, library } = useApplicationForm();
  const { errorOf } = useStep('documents');
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('documentsIntro')}</p>
      {rules.slots.map((slot) => (
        <DocumentSlot
          key={slot.id}
          applicationId={applicationId}
          slot={slot}
          file={files.find((f) => f.slotId === slot.id)}
          editable
          library={library}
          error={errorOf(`documents.${slot.id}`)}
          onChange={(file) => setFiles((current) => [...current.filter((f) => f.slotId !== slot.id), ...(file ? [file] : [])])}
        />
      ))}
    </div>
  );
}
