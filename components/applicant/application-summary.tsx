import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { fileSize, money } from '@/components/calls/format';
import { countryName } from '@/lib/reference/countries';
import type { ApplicationDraftValues } from '@/lib/validations/application';
import { fileUrl, type FileForForm, type RulesForForm } from './types';
import { themeLabel } from '@/lib/i18n/themes';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="whitespace-pre-line text-sm">{children}</dd>
    </div>
  );
}

/**
 * The application's content, read-only: on the review step and on the status page.
 * (Not async, so it renders in server and client components alike.)
 */
export function ApplicationSummary({
  applicationId,
  values,
  rules,
  files,
}: {
  applicationId: string;
  values: ApplicationDraftValues;
  rules: RulesForForm;
  files: FileForForm[];
}) {
  const t = useTranslations('application');
  const tt = useTranslations('themes');
  const locale = useLocale();
  const format = useFormatter();
  const empty = <span className="text-slate-600 italic">{t('notAnswered')}</span>;
  const text = (s: string | undefined) => (s && s.trim() ? s : empty);
  const amount = (n: number | null | undefined) => (typeof n === 'number' ? money(format, n, rules.currency) : empty);
  const theme = (code: string) => themeLabel(tt, code);

  return (
    <div className="space-y-6">
      <section aria-labelledby="summary-project">
        <h3 id="summary-project" className="text-base font-semibold">
          {t('steps.project')}
        </h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('fields.title')}>{text(values.title)}</Row>
          <Row label={t('fields.countries')}>{values.countries?.length ? values.countries.map((c) => countryName(c, locale)).join(', ') : empty}</Row>
          <Row label={t('fields.themes')}>{values.themes?.length ? values.themes.map(theme).join(', ') : empty}</Row>
          <Row label={t('fields.summary')}>{text(values.summary)}</Row>
          <Row label={t('fields.objectives')}>{text(values.objectives)}</Row>
          <Row label={t('fields.activities')}>{text(values.activities)}</Row>
        </dl>
      </section>
      <section aria-labelledby="summary-reach">
        <h3 id="summary-reach" className="text-base font-semibold">
          {t('steps.reach')}
        </h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('fields.targetPopulation')}>{text(values.targetPopulation)}</Row>
          <Row label={t('fields.peopleToReach')}>{typeof values.peopleToReach === 'number' ? format.number(values.peopleToReach) : empty}</Row>
        </dl>
      </section>
      <section aria-labelledby="summary-partners">
        <h3 id="summary-partners" className="text-base font-semibold">
          {t('steps.partners')}
        </h3>
        {values.localPartners?.length ? (
          <ul className="list-disc space-y-1 ps-6 text-sm">
            {values.localPartners.map((p, i) => (
              <li key={i}>
                <span className="font-medium">{p.name || '—'}</span>
                {p.country && ` (${countryName(p.country, locale)})`}: {p.role}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('noPartners')}</p>
        )}
      </section>
      <section aria-labelledby="summary-risks">
        <h3 id="summary-risks" className="text-base font-semibold">
          {t('steps.risks')}
        </h3>
        {values.risks?.length ? (
          <dl className="divide-y divide-slate-100">
            {values.risks.map((r, i) => (
              <Row key={i} label={r.risk || '—'}>
                {text(r.mitigation)}
              </Row>
            ))}
          </dl>
        ) : (
          <p className="text-sm">{empty}</p>
        )}
      </section>
      <section aria-labelledby="summary-budget">
        <h3 id="summary-budget" className="text-base font-semibold">
          {t('steps.budget')}
        </h3>
        <dl className="divide-y divide-slate-100">
          <Row label={t('fields.durationMonths')}>{typeof values.durationMonths === 'number' ? t('months', { n: values.durationMonths }) : empty}</Row>
          <Row label={t('fields.requestedAmount')}>{amount(values.requestedAmount)}</Row>
          {(values.budgetLines ?? []).map((l, i) => (
            <Row key={i} label={l.label || '—'}>
              {amount(l.amount)}
            </Row>
          ))}
        </dl>
      </section>
      <section aria-labelledby="summary-declarations">
        <h3 id="summary-declarations" className="text-base font-semibold">
          {t('steps.declarations')}
        </h3>
        <dl className="divide-y divide-slate-100">
          {rules.requirements.map((r) => {
            const answer = values.declarations?.[r.id];
            return (
              <Row key={r.id} label={r.statement}>
                {answer === undefined ? empty : answer ? t('yes') : t('no')}
              </Row>
            );
          })}
        </dl>
      </section>
      <section aria-labelledby="summary-documents">
        <h3 id="summary-documents" className="text-base font-semibold">
          {t('steps.documents')}
        </h3>
        <dl className="divide-y divide-slate-100">
          {rules.slots.map((slot) => {
            const file = files.find((f) => f.slotId === slot.id);
            return (
              <Row key={slot.id} label={slot.name}>
                {file ? (
                  <>
                    <a href={fileUrl(applicationId, slot.id)} className="font-medium text-brand-700 underline" download>
                      {file.fileName}
                    </a>{' '}
                    <span className="text-slate-500">({fileSize(format, file.size)})</span>
                  </>
                ) : (
                  empty
                )}
              </Row>
            );
          })}
        </dl>
      </section>
    </div>
  );
}
