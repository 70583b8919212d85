'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/input';
import { answerVerificationAction } from '@/lib/actions/diligence';
import { useRouter } from '@/lib/i18n/navigation';
import type { VerificationItemValue } from '@/lib/validations/diligence';

export type ChecklistItem = {
  item: VerificationItemValue;
  answer: 'met' | 'not_met' | null;
  note: string;
  evidenceId: string | null;
  /** "Answered by … on …", made on the server. */
  answeredLine: string | null;
  holds: boolean;
  problem: 'evidenceMissing' | 'evidenceExpired' | null;
};
export type EvidenceOption = { id: string; label: string; expired: boolean };

/** One item of the checklist: its state, and the admin's answer (met with evidence, or not met with a note). */
function ItemRow({ organisationId, row, documents }: { organisationId: string; row: ChecklistItem; documents: EvidenceOption[] }) {
  const t = useTranslations('diligence');
  const router = useRouter();
  const [answer, setAnswer] = useState<'met' | 'not_met'>(row.answer ?? 'met');
  const [evidence, setEvidence] = useState(row.evidenceId && documents.some((d) => d.id === row.evidenceId) ? row.evidenceId : '');
  const [note, setNote] = useState(row.note);
  const [errors, setErrors] = useState<{ evidence?: string; note?: string; form?: string }>({});
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const id = (k: string) => `verify-${row.item}-${k}`;

  const save = () =>
    start(async () => {
      setErrors({});
      setDone(false);
      const result = await answerVerificationAction({ organisationId, item: row.item, answer, evidenceDocumentId: answer === 'met' ? evidence : '', note });
      if (!result.ok) {
        setErrors({ evidence: result.fieldErrors?.evidenceDocumentId?.[0], note: result.fieldErrors?.note?.[0], form: result.fieldErrors ? undefined : result.error });
        return;
      }
      setDone(true);
      router.refresh();
    });

  const state = row.holds ? 'met' : row.problem ?? row.answer ?? 'unanswered';
  const tone = state === 'met' ? 'success' : state === 'unanswered' ? 'neutral' : 'danger';
  return (
    <li className="space-y-3 rounded-md border border-slate-200 p-3 text-sm" data-testid={`verify-${row.item}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{t(`verificationItems.${row.item}`)}</h3>
        <Badge tone={tone}>{t(`verificationStates.${state}`)}</Badge>
      </div>
      {row.answeredLine && <p className="text-slate-600">{row.answeredLine}</p>}
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="sr-only">{t('verificationAnswerFor', { item: t(`verificationItems.${row.item}`) })}</legend>
        <div className="space-y-1">
          <label htmlFor={id('answer')} className="block font-medium">
            {t('verificationAnswer')}
          </label>
          <Select id={id('answer')} value={answer} onChange={(e) => setAnswer(e.target.value as 'met' | 'not_met')}>
            <option value="met">{t('verificationStates.met')}</option>
            <option value="not_met">{t('verificationStates.not_met')}</option>
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={id('evidence')} className="block font-medium">
            {t('verificationEvidence')}
          </label>
          <Select
            id={id('evidence')}
            value={evidence}
            disabled={answer !== 'met'}
            aria-invalid={errors.evidence ? true : undefined}
            aria-describedby={errors.evidence ? id('evidence-error') : undefined}
            onChange={(e) => setEvidence(e.target.value)}
          >
            <option value="">{documents.length ? t('verificationChooseEvidence') : t('verificationNoDocuments')}</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.expired ? t('verificationExpiredOption', { document: d.label }) : d.label}
              </option>
            ))}
          </Select>
          {errors.evidence && (
            <p id={id('evidence-error')} className="text-red-700">
              {errors.evidence}
            </p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor={id('note')} className="block font-medium">
            {t('verificationNote')}
          </label>
          <Textarea
            id={id('note')}
            rows={2}
            maxLength={2000}
            value={note}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? id('note-error') : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          {errors.note && (
            <p id={id('note-error')} className="text-red-700">
              {errors.note}
            </p>
          )}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" size="sm" onClick={save} pending={pending}>
          {t('verificationSave')}
        </Button>
        <div aria-live="polite" className="flex-1">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          {done && <Alert tone="success">{t('verificationSaved')}</Alert>}
        </div>
      </div>
    </li>
  );
}

/** An organisation's verification checklist, answered by an admin with its documents as evidence. */
export function VerificationChecklist({ organisationId, items, documents }: { organisationId: string; items: ChecklistItem[]; documents: EvidenceOption[] }) {
  return (
    <ul className="space-y-3">
      {items.map((row) => (
        <ItemRow key={row.item} organisationId={organisationId} row={row} documents={documents} />
      ))}
    </ul>
  );
}
