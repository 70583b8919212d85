import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { fileSize, money } from '@/components/calls/format';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { countryName } from '@/lib/reference/countries';
import { themeLabel } from '@/lib/i18n/themes';

/**
 * An application, read-only: its columns and its `content` (shape described by
 * lib/validations/application.ts), read tolerantly so a draft or an older record still
 * renders. `organisation: null` hides the applicant's identity (blind review): the caller
 * must not even load it then.
 */
export type ApplicationViewData = {
  reference: string;
  title: string;
  countries: string[];
  themes: string[];
  requestedAmount: number | null;
  peopleToReach: number | null;
  content: Record<string, unknown>;
};

export type ApplicationViewOrganisation = {
  legalName: string;
  acronym: string | null;
  countryOfRegistration: string;
  yearFounded: number | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
};

export type ApplicationViewFile = { id: string; slotName: string; fileName: string | null; size: number; href: string | null };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = <T,>(v: unknown, pick: (item: Record<string, unknown>) => T | null): T[] =>
  Array.isArray(v) ? v.flatMap((item) => (item && typeof item === 'object' ? [pick(item as Record<string, unknown>)].filter((x): x is T => x !== null) : [])) : [];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3">
      <h3 className="text-base font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function Text({ value, empty }: { value: string | null; empty: string }) {
  return value ? <p className="whitespace-pre-line text-slate-800">{value}</p> : <p className="text-slate-500">{empty}</p>;
}

export async function ApplicationView({
  application,
  organisation,
  currency,
  requirements = [],
  files = [],
  headingLevel = 2,
}: {
  application: ApplicationViewData;
  organisation: ApplicationViewOrganisation | null;
  currency: string;
  requirements?: { id: string; statement: string }[];
  files?: ApplicationViewFile[];
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations('applicationView');
  const tt = await getTranslations('themes');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const format = await getFormatter();
  const c = application.content ?? {};
  const partners = list(c.localPartners, (p) => (str(p.name) ? { name: str(p.name)!, country: str(p.country), role: str(p.role) } : null));
  const risks = list(c.risks, (r) => (str(r.risk) ? { risk: str(r.risk)!, mitigation: str(r.mitigation) } : null));
  const budget = list(c.budgetLines, (b) => (str(b.label) ? { label: str(b.label)!, amount: num(b.amount) } : null));
  const declarations = (c.declarations && typeof c.declarations === 'object' ? c.declarations : {}) as Record<string, unknown>;
  const duration = num(c.durationMonths);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const none = t('notProvided');

  return (
    <article className="space-y-6" aria-label={application.reference}>
      <Card className="space-y-3">
        <Heading className="text-lg font-semibold">{t('organisation')}</Heading>
        {organisation ? (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="application-organisation">
            <div>
              <dt className="text-slate-600">{t('legalName')}</dt>
              <dd className="font-medium">
                {organisation.legalName}
                {organisation.acronym ? ` (${organisation.acronym})` : ''}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('countryOfRegistration')}</dt>
              <dd>{countryName(organisation.countryOfRegistration, locale)}</dd>
            </div>
            {organisation.yearFounded && (
              <div>
                <dt className="text-slate-600">{t('yearFounded')}</dt>
                <dd>{organisation.yearFounded}</dd>
              </div>
            )}
            {organisation.website && (
              <div>
                <dt className="text-slate-600">{t('website')}</dt>
                <dd className="break-all">{organisation.website}</dd>
              </div>
            )}
            {(organisation.contactName || organisation.contactEmail) && (
              <div>
                <dt className="text-slate-600">{t('contact')}</dt>
                <dd>{[organisation.contactName, organisation.contactEmail].filter(Boolean).join(' · ')}</dd>
              </div>
            )}
          </dl>
        ) : (
          <p className="text-sm text-slate-600" data-testid="identity-hidden">
            {t('identityHidden')}
          </p>
        )}
      </Card>

      <Card className="space-y-5">
        <div className="space-y-1">
          <p className="text-sm text-slate-600">
            {tc('label', { label: t('reference') })} <span className="font-medium">{application.reference}</span>
          </p>
          <Heading className="text-lg font-semibold">{application.title || none}</Heading>
        </div>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('countries')}</dt>
            <dd>{application.countries.map((code) => countryName(code, locale)).join(', ') || none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('themes')}</dt>
            <dd>{application.themes.map((theme) => themeLabel(tt, theme)).join(', ') || none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('requestedAmount')}</dt>
            <dd>{application.requestedAmount !== null ? money(format, application.requestedAmount, currency) : none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('duration')}</dt>
            <dd>{duration !== null ? t('durationMonths', { months: duration }) : none}</dd>
          </div>
        </dl>
        <Section title={t('summary')}>
          <Text value={str(c.summary)} empty={none} />
        </Section>
        <Section title={t('objectives')}>
          <Text value={str(c.objectives)} empty={none} />
        </Section>
        <Section title={t('activities')}>
          <Text value={str(c.activities)} empty={none} />
        </Section>
      </Card>

      <Card className="space-y-5">
        <Section title={t('reach')}>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-600">{t('targetPopulation')}</dt>
              <dd className="whitespace-pre-line">{str(c.targetPopulation) ?? none}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('peopleToReach')}</dt>
              <dd>{application.peopleToReach !== null ? format.number(application.peopleToReach) : none}</dd>
            </div>
          </dl>
        </Section>
        <Section title={t('localPartners')}>
          {partners.length ? (
            <Table caption={t('localPartners')}>
              <thead>
                <tr>
                  <Th>{t('partnerName')}</Th>
                  <Th>{t('partnerCountry')}</Th>
                  <Th>{t('partnerRole')}</Th>
                </tr>
              </thead>
              <tbody>
                {partners.map((p, i) => (
                  <tr key={i}>
                    <Td>{p.name}</Td>
                    <Td>{p.country ? countryName(p.country, locale) : none}</Td>
                    <Td>{p.role ?? none}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-500">{t('noPartners')}</p>
          )}
        </Section>
        <Section title={t('risks')}>
          {risks.length ? (
            <Table caption={t('risks')}>
              <thead>
                <tr>
                  <Th>{t('risk')}</Th>
                  <Th>{t('mitigation')}</Th>
                </tr>
              </thead>
              <tbody>
                {risks.map((r, i) => (
                  <tr key={i}>
                    <Td>{r.risk}</Td>
                    <Td>{r.mitigation ?? none}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-500">{none}</p>
          )}
        </Section>
        <Section title={t('budget')}>
          {budget.length ? (
            <Table caption={t('budget')}>
              <thead>
                <tr>
                  <Th>{t('budgetLine')}</Th>
                  <Th className="text-end">{t('amount')}</Th>
                </tr>
              </thead>
              <tbody>
                {budget.map((b, i) => (
                  <tr key={i}>
                    <Td>{b.label}</Td>
                    <Td className="text-end tabular-nums">{b.amount !== null ? money(format, b.amount, currency) : none}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-slate-500">{none}</p>
          )}
        </Section>
      </Card>

      {requirements.length > 0 && (
        <Card className="space-y-3">
          <Section title={t('declarations')}>
            <ul className="space-y-1 text-sm">
              {requirements.map((r) => (
                <li key={r.id} className="flex gap-2">
                  <span className="font-medium">{declarations[r.id] === true ? tc('yes') : declarations[r.id] === false ? tc('no') : '—'}</span>
                  <span>{r.statement}</span>
                </li>
              ))}
            </ul>
          </Section>
        </Card>
      )}

      <Card className="space-y-3">
        <Section title={t('documents')}>
          {files.length ? (
            <ul className="space-y-1 text-sm">
              {files.map((f) => {
                const name = f.fileName ?? f.slotName;
                return (
                  <li key={f.id} className="flex flex-wrap gap-x-2">
                    <span className="text-slate-600">{f.slotName}:</span>
                    {f.href ? (
                      <a href={f.href} className="text-brand-700 hover:underline" aria-label={t('download', { name })}>
                        {f.fileName ?? t('document')}
                      </a>
                    ) : (
                      <span>{f.fileName ?? t('document')}</span>
                    )}
                    <span className="text-slate-500">({fileSize(format, f.size)})</span>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t('noDocuments')}</p>
          )}
        </Section>
      </Card>
    </article>
  );
}
