import { getFormatter, getTranslations } from 'next-intl/server';
import { fileSize } from '@/components/calls/format';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { countryName } from '@/lib/reference/countries';
import { reportFilesUrl } from './urls';
import { reachTotal, type ReportDraft, type ReportState } from '@/lib/validations/reports';

const tones = {
  not_started: 'neutral',
  draft: 'info',
  submitted: 'warning',
  changes_requested: 'danger',
  accepted: 'success',
  overdue: 'danger',
} as const;

/** A report's state, in words and colour, the same on every page. */
export async function ReportStateBadge({ state }: { state: ReportState }) {
  const t = await getTranslations('reports');
  return (
    <Badge tone={tones[state]} data-testid="report-state">
      {t(`states.${state}`)}
    </Badge>
  );
}

/** A report, read-only (the admin's review, the partner's page once submitted). */
export async function ReportView({
  draft,
  locale,
  files,
  awardId,
  periodId,
}: {
  draft: ReportDraft;
  locale: string;
  files: { id: string; fileName: string; size: number }[];
  awardId: string;
  periodId: string;
}) {
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const total = reachTotal(draft.reach);
  return (
    <div className="space-y-6">
      <section aria-labelledby="view-reach" className="space-y-2">
        <h2 id="view-reach">{t('reachTitle')}</h2>
        <p className="font-medium" data-testid="reach-total">
          {t('total', { total })}
        </p>
        {draft.reach.length > 0 && (
          <Table caption={t('reachTitle')}>
            <thead>
              <tr>
                <Th>{t('country')}</Th>
                <Th>{t('populationGroup')}</Th>
                <Th>{t('sex')}</Th>
                <Th>{t('ageGroup')}</Th>
                <Th className="text-end">{t('people')}</Th>
              </tr>
            </thead>
            <tbody>
              {draft.reach.map((r) => (
                <tr key={`${r.country}|${r.sex}|${r.ageGroup}|${r.populationGroup}`}>
                  <Td>{countryName(r.country, locale)}</Td>
                  <Td>{t(`populationGroups.${r.populationGroup}`)}</Td>
                  <Td>{t(`sexes.${r.sex}`)}</Td>
                  <Td>{t(`ageGroups.${r.ageGroup}`)}</Td>
                  <Td className="text-end tabular-nums">{format.number(r.people ?? 0)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="view-activities" className="space-y-2">
        <h2 id="view-activities">{t('activitiesTitle')}</h2>
        {draft.activities.length ? (
          <Table caption={t('activitiesTitle')}>
            <thead>
              <tr>
                <Th>{t('proposed')}</Th>
                <Th>{t('done')}</Th>
                <Th>{t('activityStatus')}</Th>
              </tr>
            </thead>
            <tbody>
              {draft.activities.map((a, i) => (
                <tr key={i}>
                  <Td className="whitespace-pre-line">{a.proposed || '—'}</Td>
                  <Td className="whitespace-pre-line">{a.done || '—'}</Td>
                  <Td>{t(`activityStatuses.${a.status}`)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">{t('noActivities')}</p>
        )}
      </section>
      <section aria-labelledby="view-narrative" className="space-y-2">
        <h2 id="view-narrative">{t('narrativeTitle')}</h2>
        <p className="whitespace-pre-line" data-testid="report-narrative">
          {draft.narrative || '—'}
        </p>
      </section>
      <section aria-labelledby="view-files" className="space-y-2">
        <h2 id="view-files">{t('filesTitle')}</h2>
        {files.length ? (
          <ul className="space-y-1" data-testid="report-files">
            {files.map((f) => (
              <li key={f.id} className="text-sm">
                <a href={reportFilesUrl(awardId, periodId, f.id)} className="font-medium text-brand-700 underline" download>
                  {f.fileName}
                </a>{' '}
                <span className="text-slate-500">({fileSize(format, f.size)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('noFiles')}</p>
        )}
      </section>
    </div>
  );
}
