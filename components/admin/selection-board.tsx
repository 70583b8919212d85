'use client';

import { countryName } from '@/lib/reference/countries';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { useMemo, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { DiligenceBadges } from '@/components/admin/diligence-badges';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Card } from '@/components/ui/card';
import { Checkbox, Input, Select, Textarea } from '@/components/ui/input';
import { Table, Td, Th } from '@/components/ui/table';
import { publishResultsAction, recordDecisionsAction, suggestSlateAction } from '@/lib/actions/selection';
import type { BoardRow } from '@/lib/data/selection';
import { selectionFigures } from '@/lib/scoring/selection-figures';
import type { SlateReason, SlateResult } from '@/lib/scoring/slate';
import { decisionInputSchema, type DecisionInput } from '@/lib/validations/selection';
import { joinList } from '@/lib/i18n/formats';
import { themeLabel } from '@/lib/i18n/themes';
import { maxLengthOf } from '@/lib/validations/issues';
import { CharacterCount } from '@/components/forms/text-limit';
import { counterId } from '@/components/ui/field';

const rationaleLimit = maxLengthOf(decisionInputSchema, 'rationale') ?? 2000;

type Draft = { outcome: DecisionInput['outcome'] | ''; awardedAmount: string; rationale: string; shareComments: boolean };

function fromRow(row: BoardRow): Draft {
  return {
    outcome: row.decision?.outcome ?? '',
    awardedAmount: row.decision?.awardedAmount ? String(row.decision.awardedAmount) : '',
    rationale: row.decision?.rationale ?? '',
    shareComments: row.decision?.shareComments ?? true,
  };
}

function sameDraft(a: Draft, b: Draft) {
  return a.outcome === b.outcome && a.awardedAmount === b.awardedAmount && a.rationale === b.rationale && a.shareComments === b.shareComments;
}

function Bar({ value, max, label, danger }: { value: number; max: number; label: string; danger?: boolean }) {
  const width = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums">{value}</span>
      </div>
      {/* An SVG width, not an inline style: the Content-Security-Policy allows no inline styles. */}
      <svg className="block h-2 w-full rounded bg-slate-100 rtl:-scale-x-100" aria-hidden>
        <rect height="100%" width={`${width}%`} rx="4" className={danger ? 'fill-red-600' : 'fill-brand-600'} />
      </svg>
    </div>
  );
}

/**
 * The selection board: the ranking with a decision per application; totals, coverage and
 * warnings recomputed as the admin decides; the optimiser's suggested slate; publication.
 */
export function SelectionBoard({
  callId,
  status,
  rows,
  countries,
  themes,
  envelope,
  currency,
  expectedPartners,
  minimums,
}: {
  callId: string;
  status: string;
  rows: BoardRow[];
  countries: string[];
  themes: string[];
  envelope: number | null;
  currency: string;
  expectedPartners: number | null;
  /** The optimiser's starting minimums per country, feasible for this call. */
  minimums: Record<string, number>;
}) {
  const t = useTranslations('selection');
  const td = useTranslations('diligence');
  const tc = useTranslations('common');
  const tt = useTranslations('themes');
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const [confirm, confirmDialog] = useConfirm();
  const cname = (code: string) => countryName(code, locale);
  const themeName = (code: string) => themeLabel(tt, code);
  const money = (n: number) => format.number(n, { style: 'currency', currency, maximumFractionDigits: 0 });
  const score = (n: number | null) => (n === null ? '—' : format.number(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

  const saved = useMemo(() => Object.fromEntries(rows.map((r) => [r.applicationId, fromRow(r)])), [rows]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(saved);
  const [filters, setFilters] = useState({ country: '', theme: '', flag: '' });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string; details?: string[] } | null>(null);
  const [pending, start] = useTransition();
  const [slateOptions, setSlateOptions] = useState({ scoreKind: 'raw' as 'raw' | 'calibrated', minPerCountry: 0, minimums });
  const [slate, setSlate] = useState<SlateResult | null>(null);
  const deciding = status === 'in_review' || status === 'selection';

  const set = (id: string, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id], ...patch } }));

  // Live figures for the current (unsaved) choices.
  const { selected, awarded, perCountry, perTheme, warnings: figureWarnings } = selectionFigures({ rows, choices: drafts, countries, themes, envelope });
  const warnings = figureWarnings.map((w) =>
    w.kind === 'overBudget'
      ? t('warnOverBudget', { amount: money(w.amount) })
      : w.kind === 'uncovered'
        ? t('warnUncovered', { country: cname(w.country) })
        : t('warnSameOrganisation', { organisation: w.organisation, count: w.count }),
  );
  const dirty = rows.filter((r) => !sameDraft(drafts[r.applicationId], saved[r.applicationId]));
  const undecidedSaved = rows.filter((r) => !r.decision).length;

  const reasonText = (reason: SlateReason | undefined): string => {
    if (!reason) return '';
    switch (reason.kind) {
      case 'selected':
        return reason.neededFor.length
          ? t('reason.selectedNeeded', { needed: reason.neededFor.map(cname).join(', ') })
          : t('reason.selected', { covers: reason.covers.map(cname).join(', ') || '—' });
      case 'overBudget':
        return t('reason.overBudget', { amount: money(reason.amount), remaining: money(reason.remaining), displaced: reason.displaced.join(', '), loss: score(reason.loss) });
      case 'cannotFit':
        return t('reason.cannotFit', { amount: money(reason.amount), envelope: money(reason.envelope) });
      case 'lowerValue':
        return t('reason.lowerValue', { loss: score(reason.loss) });
      case 'sameOrganisation':
        return t('reason.sameOrganisation', { other: reason.other });
      default:
        return t(`reason.${reason.kind}`);
    }
  };

  const suggest = () =>
    start(async () => {
      setMessage(null);
      const result = await suggestSlateAction({ callId, ...slateOptions });
      if (!result.ok) setMessage({ tone: 'error', text: result.error });
      else setSlate(result.data);
    });

  const applySlate = () => {
    if (slate?.status !== 'optimal') return;
    const next = { ...drafts };
    for (const r of rows) {
      const inSlate = slate.selected.includes(r.applicationId);
      next[r.applicationId] = {
        outcome: inSlate ? 'selected' : 'not_selected',
        awardedAmount: inSlate && r.requestedAmount ? String(r.requestedAmount) : '',
        rationale: (inSlate ? t('rationaleSelected', { reason: reasonText(slate.reasons[r.applicationId]) }) : t('rationaleOut', { reason: reasonText(slate.reasons[r.applicationId]) })).slice(0, 2000),
        shareComments: next[r.applicationId]?.shareComments ?? true,
      };
    }
    setDrafts(next);
    setMessage({ tone: 'success', text: t('applied') });
  };

  const save = () =>
    start(async () => {
      setMessage(null);
      const changed = dirty.filter((r) => drafts[r.applicationId].outcome !== '');
      if (!changed.length) {
        setMessage({ tone: 'success', text: t('nothingToSave') });
        return;
      }
      const result = await recordDecisionsAction({
        callId,
        decisions: changed.map((r) => {
          const d = drafts[r.applicationId];
          return {
            applicationId: r.applicationId,
            outcome: d.outcome as DecisionInput['outcome'],
            awardedAmount: d.outcome === 'selected' && d.awardedAmount ? Number(d.awardedAmount) : null,
            rationale: d.rationale,
            shareComments: d.shareComments,
          };
        }),
      });
      if (!result.ok) {
        const details = Object.entries(result.fieldErrors ?? {}).map(([field, msgs]) => {
          const index = Number(field.split('.')[1]);
          const ref = Number.isInteger(index) ? (changed[index]?.reference ?? '') : '';
          return `${ref ? `${ref}: ` : ''}${msgs[0]}`;
        });
        setMessage({ tone: 'error', text: result.error, details });
        return;
      }
      setMessage({ tone: 'success', text: t('saved', { count: result.data.saved }) });
      router.refresh();
    });

  const publish = async () => {
    if (!(await confirm(t('confirmPublish'), { confirmLabel: t('publish') }))) return;
    start(async () => {
      setMessage(null);
      const result = await publishResultsAction({ callId });
      if (!result.ok) setMessage({ tone: 'error', text: result.error });
      else {
        setMessage({ tone: 'success', text: result.data.already ? t('alreadyPublished') : t('published', { partners: result.data.partners, letters: result.data.letters }) });
        router.refresh();
      }
    });
  };

  const visible = rows.filter(
    (r) =>
      (!filters.country || r.countries.includes(filters.country)) &&
      (!filters.theme || r.themes.includes(filters.theme)) &&
      (!filters.flag || r.disagreement),
  );

  return (
    <div className="space-y-6">
      {confirmDialog}
      <div aria-live="polite">
        {message && (
          <Alert tone={message.tone}>
            <p>{message.text}</p>
            {message.details && message.details.length > 0 && (
              <ul className="mt-1 list-disc ps-5">
                {message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-3" data-testid="selection-summary">
        <Card className="space-y-3">
          <h2 className="text-base">{t('budget')}</h2>
          <p className="tabular-nums" data-testid="awarded-total">
            {envelope !== null ? t('awarded', { awarded: money(awarded), envelope: money(envelope) }) : t('awardedNoEnvelope', { awarded: money(awarded) })}
          </p>
          {envelope !== null && (
            <progress className="w-full" max={envelope} value={Math.min(awarded, envelope)} aria-label={t('budget')} />
          )}
          <p className="text-sm text-slate-600">{t('selectedCount', { count: selected.length, expected: expectedPartners === null ? 'none' : String(expectedPartners) })}</p>
        </Card>
        <Card className="space-y-2">
          <h2 className="text-base">{t('coverageCountries')}</h2>
          {perCountry.map((c) => (
            <Bar key={c.code} label={cname(c.code)} value={c.n} max={Math.max(1, selected.length)} danger={c.n === 0} />
          ))}
          <h2 className="pt-2 text-base">{t('coverageThemes')}</h2>
          {perTheme.map((c) => (
            <Bar key={c.code} label={themeName(c.code)} value={c.n} max={Math.max(1, selected.length)} />
          ))}
        </Card>
        <Card className="space-y-2">
          <h2 className="text-base">{t('warnings')}</h2>
          {warnings.length ? (
            <ul className="list-disc space-y-1 ps-5 text-sm text-amber-900" data-testid="selection-warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-green-800">{t('noWarnings')}</p>
          )}
        </Card>
      </div>

      {deciding && (
        <Card className="space-y-3">
          <h2>{t('slateTitle')}</h2>
          <p className="text-sm text-slate-600">{t('slateIntro')}</p>
          <div className="flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor="score-kind" className="text-sm font-medium">
                {t('scoreKind')}
              </label>
              <Select
                id="score-kind"
                value={slateOptions.scoreKind}
                onChange={(e) => setSlateOptions((o) => ({ ...o, scoreKind: e.target.value as 'raw' | 'calibrated' }))}
              >
                <option value="raw">{t('scoreRaw')}</option>
                <option value="calibrated">{t('scoreCalibrated')}</option>
              </Select>
            </div>
            <fieldset className="min-w-0" aria-describedby="min-per-country-hint">
              <legend className="text-sm font-medium">{t('minPerCountry')}</legend>
              <div className="flex flex-wrap gap-3">
                {countries.map((c) => (
                  <label key={c} className="text-sm">
                    <span className="block">{cname(c)}</span>
                    <Input
                      type="number"
                      min={0}
                      max={20}
                      className="w-20"
                      value={slateOptions.minimums[c] ?? 0}
                      onChange={(e) =>
                        setSlateOptions((o) => ({ ...o, minimums: { ...o.minimums, [c]: Math.min(20, Math.max(0, Math.trunc(Number(e.target.value)) || 0)) } }))
                      }
                    />
                  </label>
                ))}
              </div>
              <p id="min-per-country-hint" className="mt-1 max-w-prose text-xs text-slate-600">
                {t('minPerCountryHint')}
              </p>
            </fieldset>
            <Button type="button" onClick={suggest} pending={pending}>
              {pending ? t('suggesting') : t('suggest')}
            </Button>
            {slate?.status === 'optimal' && (
              <Button type="button" variant="secondary" onClick={applySlate}>
                {t('apply')}
              </Button>
            )}
          </div>
          {slate?.status === 'optimal' && (
            <p className="text-sm" data-testid="slate-summary">
              {t('slateSummary', { count: slate.selected.length, score: score(slate.totalScore), amount: money(slate.totalAmount) })}
            </p>
          )}
          {slate?.status === 'infeasible' && (
            <Alert tone="warning">
              <p>{t('infeasible')}</p>
              <ul className="mt-1 list-disc ps-5">
                {slate.reasons.map((r) => (
                  <li key={JSON.stringify(r)}>
                    {r.kind === 'coverage'
                      ? `${t('why.coverage', { country: cname(r.country), available: r.available, needed: r.needed })} ${t('why.relaxCoverage', { country: cname(r.country), available: r.available })}`
                      : t('why.budget', { envelope: money(r.envelope), countries: joinList(r.relax.map(cname), locale) })}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </Card>
      )}

      <div className="flex flex-wrap items-end gap-3" role="search" aria-label={t('filters')}>
        <div>
          <label htmlFor="filter-country" className="text-sm font-medium">
            {t('country')}
          </label>
          <Select id="filter-country" value={filters.country} onChange={(e) => setFilters((f) => ({ ...f, country: e.target.value }))}>
            <option value="">{t('all')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {cname(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-theme" className="text-sm font-medium">
            {t('theme')}
          </label>
          <Select id="filter-theme" value={filters.theme} onChange={(e) => setFilters((f) => ({ ...f, theme: e.target.value }))}>
            <option value="">{t('all')}</option>
            {themes.map((c) => (
              <option key={c} value={c}>
                {themeName(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-flag" className="text-sm font-medium">
            {t('flag')}
          </label>
          <Select id="filter-flag" value={filters.flag} onChange={(e) => setFilters((f) => ({ ...f, flag: e.target.value }))}>
            <option value="">{t('all')}</option>
            <option value="disagreement">{t('flagDisagreement')}</option>
          </Select>
        </div>
      </div>

      <Table caption={t('title')}>
        <thead>
          <tr>
            <Th>{t('rank')}</Th>
            <Th>{t('application')}</Th>
            <Th>{t('countries')}</Th>
            <Th className="text-end">{t('requested')}</Th>
            <Th className="text-end">{t('mean')}</Th>
            <Th className="text-end">{t('calibrated')}</Th>
            <Th className="w-[22rem]">{t('decision')}</Th>
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => {
            const d = drafts[r.applicationId];
            const rank = rows.indexOf(r) + 1;
            const changed = !sameDraft(d, saved[r.applicationId]);
            return (
              <tr key={r.applicationId} data-testid={`board-${r.reference}`}>
                <Td className="tabular-nums">{rank}</Td>
                <Td>
                  <div className="font-medium">{r.reference}</div>
                  <div>
                    <Link href={`/admin/sanctions?org=${r.organisationId}&status=all`} className="hover:underline" title={td('flagsTitle', { organisation: r.organisation })}>
                      {r.organisation}
                    </Link>
                  </div>
                  <div className="text-slate-600">{r.title}</div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {r.disagreement && <Badge tone="warning">{t('disagreementFlag')}</Badge>}
                    <DiligenceBadges hold={r.hold} organisationId={r.organisationId} />
                    {changed && <Badge tone="info">{t('unsaved')}</Badge>}
                  </div>
                  {slate?.status === 'optimal' && <p className="mt-1 text-xs text-slate-600">{reasonText(slate.reasons[r.applicationId])}</p>}
                </Td>
                <Td>{r.countries.map(cname).join(', ')}</Td>
                <Td className="text-end tabular-nums">{r.requestedAmount !== null ? money(r.requestedAmount) : '—'}</Td>
                <Td className="text-end tabular-nums">
                  {score(r.mean)}
                  <div className="text-xs text-slate-500">{tc('label', { label: t('reviews') })} {r.reviewCount}</div>
                </Td>
                <Td className="text-end tabular-nums">{score(r.calibrated)}</Td>
                <Td>
                  <fieldset className="space-y-2" disabled={!deciding}>
                    <legend className="sr-only">{t('outcome', { reference: r.reference ?? r.title })}</legend>
                    <Select
                      aria-label={t('outcome', { reference: r.reference ?? r.title })}
                      value={d.outcome}
                      onChange={(e) => {
                        const outcome = e.target.value as Draft['outcome'];
                        set(r.applicationId, {
                          outcome,
                          awardedAmount: outcome === 'selected' ? d.awardedAmount || String(r.requestedAmount ?? '') : '',
                        });
                      }}
                    >
                      <option value="">{t('undecided')}</option>
                      <option value="selected">{t('outcomes.selected')}</option>
                      <option value="reserve">{t('outcomes.reserve')}</option>
                      <option value="not_selected">{t('outcomes.not_selected')}</option>
                    </Select>
                    {d.outcome === 'selected' && (
                      <label className="block text-sm">
                        {t('award', { currency })}
                        <Input
                          type="number"
                          min={1}
                          max={r.requestedAmount ?? undefined}
                          value={d.awardedAmount}
                          onChange={(e) => set(r.applicationId, { awardedAmount: e.target.value })}
                        />
                      </label>
                    )}
                    {d.outcome !== '' && (
                      <>
                        <label className="block text-sm">
                          {t('rationale')}
                          <Textarea
                            rows={2}
                            value={d.rationale}
                            placeholder={t('rationaleHint')}
                            aria-describedby={counterId(`rationale-${r.applicationId}`)}
                            onChange={(e) => set(r.applicationId, { rationale: e.target.value })}
                          />
                          <CharacterCount fieldId={`rationale-${r.applicationId}`} length={d.rationale.length} max={rationaleLimit} />
                        </label>
                        <label className="flex items-center gap-2 text-sm">
                          <Checkbox checked={d.shareComments} onChange={(e) => set(r.applicationId, { shareComments: e.target.checked })} />
                          {t('shareComments')}
                        </label>
                      </>
                    )}
                  </fieldset>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      {deciding && (
        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 px-4 py-3">
          <Button type="button" onClick={save} pending={pending} disabled={!dirty.length}>
            {pending ? t('saving') : t('save')}
          </Button>
          <span className="text-sm text-slate-600">{dirty.length > 0 && `${tc('label', { label: t('unsaved') })} ${dirty.length}`}</span>
        </div>
      )}

      {deciding && (
        <Card className="space-y-3">
          <h2>{t('publishTitle')}</h2>
          <p className="text-sm text-slate-600">{t('publishIntro')}</p>
          {status !== 'selection' && <p className="text-sm text-amber-800">{t('publishNeedsSelection')}</p>}
          {undecidedSaved > 0 && <p className="text-sm text-amber-800">{t('publishBlocked', { count: undecidedSaved })}</p>}
          <Button type="button" variant="danger" onClick={publish} pending={pending} disabled={status !== 'selection' || undecidedSaved > 0 || dirty.length > 0}>
            {t('publish')}
          </Button>
        </Card>
      )}
    </div>
  );
}
