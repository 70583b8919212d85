import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { RiskFlags } from '@/components/admin/risk-flags';
import { VerificationChecklist } from '@/components/admin/verification-checklist';
import { DocumentLibrary } from '@/components/organisation/document-library';
import { ScreeningDecisions, ScreeningHitControls } from '@/components/admin/screening-hit-controls';
import { SanctionsUpload } from '@/components/admin/sanctions-upload';
import { EmptyState, PageHeader } from '@/components/layout/page-header';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { currentSanctionsList, listOrganisationFlags, listScreeningHits } from '@/lib/data/diligence';
import { getOrganisationName } from '@/lib/data/diligence';
import { getVerification, listOrganisationDocuments, organisationDocumentRules } from '@/lib/data/verification';
import type { DocumentKind } from '@/lib/validations/diligence';
import { Link } from '@/lib/i18n/navigation';
import { countryName } from '@/lib/reference/countries';
import { uuidPattern } from '@/lib/validations/zod';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('diligence');
  return { title: t('title') };
}

const statuses = ['open', 'cleared', 'confirmed', 'all'] as const;
type Props = { searchParams: Promise<{ status?: string; org?: string }> };

/** A date the list gives (YYYY-MM-DD), shown as it is: no time zone to move it across. */
function Day({ value }: { value: string }) {
  return <time dateTime={value}>{value}</time>;
}

export default async function SanctionsPage({ searchParams }: Props) {
  const user = await requirePermission('sanctions:manage', '/admin/sanctions');
  const params = await searchParams;
  const status = statuses.find((s) => s === params.status) ?? 'open';
  const organisationId = params.org && uuidPattern.test(params.org) ? params.org : undefined;
  const t = await getTranslations('diligence');
  const locale = await getLocale();
  const [current, hits] = await Promise.all([currentSanctionsList(), listScreeningHits(user, { status, organisationId })]);
  const [organisationName, flags, verification, documents] = organisationId
    ? await Promise.all([
        getOrganisationName(user, organisationId),
        listOrganisationFlags(user, organisationId),
        getVerification(user, organisationId),
        listOrganisationDocuments(user, organisationId),
      ])
    : [null, [], null, null];
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const documentLabel = (d: { kind: string; fileName: string; expiresOn: string | null }) =>
    `${t(`documentKinds.${d.kind as DocumentKind}`)}: ${d.fileName}${d.expiresOn ? ` (${t('validUntil', { date: day(d.expiresOn) })})` : ''}`;
  const country = (code: string) => (/^[A-Z]{2}$/.test(code) ? countryName(code, locale) : code);
  const query = (s: string) => `/admin/sanctions?status=${s}${organisationId ? `&org=${organisationId}` : ''}`;
  /** An organisation's view: its matches of every status. */
  const organisationView = (id: string) => `/admin/sanctions?org=${id}&status=all`;

  return (
    <ClientMessages namespaces={['diligence']}>
      <div className="space-y-6">
        {organisationName ? (
          <PageHeader
            title={t('organisationViewTitle', { organisation: organisationName })}
            intro={t('organisationViewIntro')}
            actions={
              <Link href="/admin/sanctions" className="text-sm text-brand-700 hover:underline">
                {t('backToScreening')}
              </Link>
            }
          />
        ) : (
          <PageHeader title={t('title')} intro={t('intro')} />
        )}

        {/* The list and its import on the screening page; an organisation's view is about the organisation. */}
        {!organisationName && (
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="space-y-3" data-testid="sanctions-current">
              <h2>{t('currentList')}</h2>
              {current ? (
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">{t('listDate')}</dt>
                  <dd>{current.list.generatedAt ? <Instant date={current.list.generatedAt} timeZone="UTC" dateOnly /> : '—'}</dd>
                  <dt className="font-medium">{t('fileName')}</dt>
                  <dd className="break-all">{current.list.sourceFileName}</dd>
                  <dt className="font-medium">{t('counts')}</dt>
                  <dd>{t('countsValue', { individuals: current.list.individuals, entities: current.list.entities, aliases: current.list.aliases })}</dd>
                  <dt className="font-medium">{t('importedAt')}</dt>
                  <dd>
                    <Instant date={current.list.importedAt} timeZone="UTC" showViewerTime={false} />
                  </dd>
                  <dt className="font-medium">{t('importedBy')}</dt>
                  <dd>{current.importedByEmail ?? t('commandLine')}</dd>
                </dl>
              ) : (
                <Alert tone="warning">{t('noList')}</Alert>
              )}
            </Card>
            <Card className="space-y-3">
              <h2>{t('importTitle')}</h2>
              <p className="text-sm text-slate-600">{t('importIntro')}</p>
              <SanctionsUpload />
            </Card>
          </div>
        )}

        {organisationId && organisationName && verification && (
          <Card className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="verification">{t('verificationTitle', { organisation: organisationName })}</h2>
              <Badge tone={verification.verified ? 'success' : 'warning'} data-testid="verification-state">
                {verification.verified ? t('verified') : t('notVerified')}
              </Badge>
            </div>
            <p className="text-sm text-slate-600">{t('verificationIntro')}</p>
            <VerificationChecklist
              organisationId={organisationId}
              documents={(documents ?? []).map((d) => ({ id: d.id, label: documentLabel(d), expired: d.expiry === 'expired' }))}
              items={verification.items.map((i) => ({
                item: i.item,
                answer: i.answer,
                note: i.note,
                evidenceId: i.evidence?.id ?? null,
                answeredLine: i.answeredAt
                  ? t('verificationAnsweredBy', { who: i.answeredBy ?? t('nobody'), when: format.dateTime(i.answeredAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' })
                  : null,
                holds: i.holds,
                problem: i.problem,
              }))}
            />
          </Card>
        )}

        {organisationId && organisationName && (
          <Card className="space-y-3">
            <h2 id="documents">{t('documentsOf', { organisation: organisationName })}</h2>
            <DocumentLibrary organisationId={organisationId} initial={documents ?? []} editable={false} rules={organisationDocumentRules} />
          </Card>
        )}

        {organisationId && organisationName && (
          <Card className="space-y-3">
            <h2 id="flags">{t('flagsTitle', { organisation: organisationName })}</h2>
            <p className="text-sm text-slate-600">{t('flagsIntro')}</p>
            <RiskFlags
              organisationId={organisationId}
              flags={flags.map(({ flag, raisedByEmail, liftedByEmail }) => ({
                id: flag.id,
                level: flag.level,
                comment: flag.comment,
                raisedBy: raisedByEmail ?? t('nobody'),
                raisedAt: flag.raisedAt.toISOString(),
                lifted: flag.liftedAt ? { by: liftedByEmail ?? t('nobody'), reason: flag.liftReason ?? '' } : null,
              }))}
            />
          </Card>
        )}

        <section aria-labelledby="hits" className="space-y-4">
          <h2 id="hits">{t('hitsTitle')}</h2>
          <nav aria-label={t('show')} className="flex flex-wrap gap-2 text-sm">
            {statuses.map((s) => (
              <Link key={s} href={query(s)} aria-current={s === status ? 'page' : undefined} className="hover:underline">
                <Badge tone={s === status ? 'info' : 'neutral'}>{t(`status.${s}`)}</Badge>
              </Link>
            ))}
          </nav>
          <ScreeningDecisions>
            {hits.length === 0 && <EmptyState>{t('noHits')}</EmptyState>}
            {hits.map(({ hit, organisation, person, entry, decidedByEmail }) => {
              const screenedName = hit.subject === 'person' ? (person?.name ?? hit.subjectName) : hit.subjectName;
              return (
                <Card key={hit.id} className="space-y-4" data-testid={`hit-${hit.id}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={hit.status === 'open' ? 'warning' : hit.status === 'confirmed' ? 'danger' : 'success'}>{t(`status.${hit.status}`)}</Badge>
                    <span className="text-sm tabular-nums">{t('similarity', { score: hit.score })}</span>
                  </div>
                  <div className="grid gap-4 md:grid-cols-2">
                    <section aria-label={t('screened')} className="space-y-1 text-sm">
                      <h3 className="text-xs font-semibold uppercase text-slate-500">{t('screened')}</h3>
                      <p className="text-base font-semibold">{screenedName}</p>
                      <p>
                        {hit.subject === 'person' && person ? `${t(`roles.${person.role}`)} ` : `${t('organisationName')} `}
                        <Link href={organisationView(organisation.id)} className="text-brand-700 hover:underline">
                          {t('ofOrganisation', { organisation: organisation.legalName })}
                        </Link>
                      </p>
                      {person?.nameOriginalScript && <p dir="auto">{person.nameOriginalScript}</p>}
                      {person?.nationality && (
                        <p>
                          {t('nationality')}: {country(person.nationality)}
                        </p>
                      )}
                      {person?.dateOfBirth && (
                        <p>
                          {t('dateOfBirth')}: <Day value={person.dateOfBirth} />
                        </p>
                      )}
                    </section>
                    <section aria-label={t('listed')} className="space-y-1 text-sm">
                      <h3 className="text-xs font-semibold uppercase text-slate-500">{t('listed')}</h3>
                      <p className="text-base font-semibold">{entry.primaryName}</p>
                      <p>
                        {t('reference')}: {entry.referenceNumber ?? entry.dataId}
                        {entry.listedOn && (
                          <>
                            {' · '}
                            {t('listedOn')}: <Day value={entry.listedOn} />
                          </>
                        )}
                      </p>
                      <p>
                        {t('matchedName')}: <span dir="auto">{hit.matchedName}</span>
                      </p>
                      <p>{t('names')}:</p>
                      <ul className="list-disc ps-6">
                        {entry.names.map((n) => (
                          <li key={`${n.kind}-${n.name}`}>
                            <span dir="auto">{n.name}</span> <span className="text-slate-500">({t(`nameKinds.${n.kind}`)})</span>
                          </li>
                        ))}
                      </ul>
                      {entry.nationalities.length > 0 && (
                        <p>
                          {t('nationality')}: {entry.nationalities.map(country).join(', ')}
                        </p>
                      )}
                      {entry.datesOfBirth.length > 0 && (
                        <p>
                          {t('dateOfBirth')}: {entry.datesOfBirth.join(', ')}
                        </p>
                      )}
                    </section>
                  </div>
                  <ScreeningHitControls
                    hitId={hit.id}
                    label={`${screenedName} — ${entry.primaryName}`}
                    decisionHref={organisationView(organisation.id)}
                    open={hit.status === 'open'}
                  >
                    <p className="text-sm text-slate-700">
                      {t('decided', { who: decidedByEmail ?? t('nobody'), reason: hit.reason ?? '' })}
                      {hit.decidedAt && (
                        <>
                          {' '}
                          (<Instant date={hit.decidedAt} timeZone="UTC" showViewerTime={false} />)
                        </>
                      )}
                    </p>
                  </ScreeningHitControls>
                </Card>
              );
            })}
          </ScreeningDecisions>
        </section>
      </div>
    </ClientMessages>
  );
}
