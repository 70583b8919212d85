import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { fileSize, money } from '@/components/calls/format';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { countryName } from '@/lib/reference/countries';
import { themeLabel } from '@/lib/i18n/themes';
import type { ApplicationDraftValues } from '@/lib/validations/application';

/**
 * An application, read-only, the one way it is shown: to its applicant (on the status
 * page, in print and at the form's last step), to its reviewers and to admins. `values`
 * are the application's as its zod schema reads them (`applicationValuesOf` for a stored
 * one; the form's own values at its last step). Not async, so it renders in server and
 * client components alike.
 *
 * `organisation`: shown when given; `null` hides the applicant's identity (blind review:
 * the caller must not even load it then); left out where the reader is the applicant.
 */
export type ApplicationViewOrganisation = {
  legalName: string;
  acronym: string | null;
  countryOfRegistration: string;
  yearFounded: number | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
};

/** A document of the application: its slot and, once uploaded, its file (no name in a blind review). */
export type ApplicationViewDocument = { key: string; slotName: string; file: { fileName: string | null; size: number; href: string } | null };

const text = (v: string | undefined) => (v && v.trim() ? v : null);

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

export function ApplicationView({
  values,
  reference,
  organisation,
  currency,
  requirements = [],
  documents = [],
  headingLevel = 2,
}: {
  values: ApplicationDraftValues;
  /** Given once submitted. */
  reference?: string | null;
  organisation?: ApplicationViewOrganisation | null;
  currency: string;
  requirements?: readonly { id: string; statement: string }[];
  documents?: readonly ApplicationViewDocument[];
  headingLevel?: 2 | 3;
}) {
  const t = useTranslations('applicationView');
  const tt = useTranslations('themes');
  const tc = useTranslations('common');
  const locale = useLocale();
  const format = useFormatter();
  const partners = values.localPartners ?? [];
  const risks = values.risks ?? [];
  const budget = values.budgetLines ?? [];
  const declarations = values.declarations ?? {};
  const countries = values.countries ?? [];
  const themes = values.themes ?? [];
  const none = t('notProvided');
  const amount = (n: number | null | undefined) => (typeof n === 'number' ? money(format, n, currency) : none);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <article className="space-y-6" aria-label={reference || text(values.title) || none}>
      {organisation !== undefined && (
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
      )}

      <Card className="space-y-5">
        <div className="space-y-1">
          {reference && (
            <p className="text-sm text-slate-600">
              {tc('label', { label: t('reference') })} <span className="font-medium">{reference}</span>
            </p>
          )}
          <Heading className="text-lg font-semibold">{text(values.title) ?? none}</Heading>
        </div>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('countries')}</dt>
            <dd>{countries.map((code) => countryName(code, locale)).join(', ') || none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('themes')}</dt>
            <dd>{themes.map((theme) => themeLabel(tt, theme)).join(', ') || none}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('requestedAmount')}</dt>
            <dd>{amount(values.requestedAmount)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('duration')}</dt>
            <dd>{typeof values.durationMonths === 'number' ? t('durationMonths', { months: values.durationMonths }) : none}</dd>
          </div>
        </dl>
        <Section title={t('summary')}>
          <Text value={text(values.summary)} empty={none} />
        </Section>
        <Section title={t('objectives')}>
          <Text value={text(values.objectives)} empty={none} />
        </Section>
        <Section title={t('activities')}>
          <Text value={text(values.activities)} empty={none} />
        </Section>
      </Card>

      <Card className="space-y-5">
        <Section title={t('reach')}>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-600">{t('targetPopulation')}</dt>
              <dd className="whitespace-pre-line">{text(values.targetPopulation) ?? none}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('peopleToReach')}</dt>
              <dd>{typeof values.peopleToReach === 'number' ? format.number(values.peopleToReach) : none}</dd>
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
                    <Td>{text(p.name) ?? none}</Td>
                    <Td>{p.country ? countryName(p.country, locale) : none}</Td>
                    <Td>{text(p.role) ?? none}</Td>
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
                    <Td>{text(r.risk) ?? none}</Td>
                    <Td>{text(r.mitigation) ?? none}</Td>
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
                    <Td>{text(b.label) ?? none}</Td>
                    <Td className="text-end tabular-nums">{amount(b.amount)}</Td>
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
          {documents.length ? (
            <ul className="space-y-1 text-sm">
              {documents.map(({ key, slotName, file }) => (
                <li key={key} className="flex flex-wrap gap-x-2">
                  <span className="text-slate-600">{tc('label', { label: slotName })}</span>
                  {file ? (
                    <>
                      <a href={file.href} className="text-brand-700 hover:underline" aria-label={file.fileName ? undefined : t('download', { name: slotName })} download>
                        {file.fileName ?? t('document')}
                      </a>
                      <span className="text-slate-500">({fileSize(format, file.size)})</span>
                    </>
                  ) : (
                    <span className="text-slate-500">{none}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t('noDocuments')}</p>
          )}
        </Section>
      </Card>
    </article>
  );
}
