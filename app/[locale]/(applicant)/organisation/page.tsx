import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { InviteMemberForm } from '@/components/organisation/invite-member-form';
import { OrganisationForm } from '@/components/organisation/organisation-form';
import { PeopleForm } from '@/components/organisation/people-form';
import { SelfDeclarationForm } from '@/components/organisation/self-declaration-form';
import { Instant } from '@/components/time/instant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { Organisation } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { listOpenCallsRequiringDeclaration } from '@/lib/data/calls';
import { callTitleIn } from '@/lib/calls/languages';
import { joinList } from '@/lib/i18n/formats';
import { getMyOrganisation, listMembers, listMyOrganisations, organisationCompleteness } from '@/lib/data/organisations';
import { listOrganisationPeople } from '@/lib/data/diligence';
import { listOrganisationDocuments, organisationDocumentRules } from '@/lib/data/verification';
import { DocumentLibrary } from '@/components/organisation/document-library';
import { emptyOrganisationProfile, selfDeclarationStatements, type OrganisationProfileInput } from '@/lib/validations/organisation';
import { safeReturnPath } from '@/lib/security/return-path';

// Per user, per request: rendered for each visit, never cached.
export const instant = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organisation');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ org?: string; new?: string; next?: string; created?: string; joined?: string }> };

function profileOf(org: Organisation): OrganisationProfileInput {
  return {
    legalName: org.legalName,
    acronym: org.acronym ?? '',
    type: org.type,
    countryOfRegistration: org.countryOfRegistration,
    heritageCountries: org.heritageCountries,
    operationCountries: org.operationCountries,
    yearFounded: org.yearFounded,
    website: org.website ?? '',
    registrationNumber: org.registrationNumber ?? '',
    registrationExpiresOn: org.registrationExpiresOn ?? '',
    staffSize: org.staffSize,
    annualBudget: org.annualBudget,
    annualBudgetCurrency: org.annualBudgetCurrency ?? '',
    contactName: org.contactName ?? '',
    contactEmail: org.contactEmail ?? '',
    contactPhone: org.contactPhone ?? '',
    mission: org.mission ?? '',
    experience: org.experience,
    localPartners: org.localPartners,
  };
}

export default async function OrganisationPage({ searchParams }: Props) {
  const user = await requirePermission('organisation:manage', '/organisation');
  const params = await searchParams;
  const t = await getTranslations('organisation');
  const next = safeReturnPath(params.next) ?? undefined;
  const mine = await listMyOrganisations(user);

  if (!mine.length || params.new === '1') {
    return (
      <div className="space-y-6">
        <PageHeader title={t('createTitle')} intro={t('createIntro')} />
        {next && <Alert tone="info">{t('neededToApply')}</Alert>}
        <Card>
          <OrganisationForm initial={{ ...emptyOrganisationProfile, contactName: user.name ?? '', contactEmail: user.email }} next={next} />
        </Card>
      </div>
    );
  }

  const selectedId = mine.find((o) => o.id === params.org)?.id ?? mine[0].id;
  const membership = await getMyOrganisation(user, selectedId);
  if (!membership) notFound();
  const { organisation: org, role } = membership;
  const { members, invitations } = await listMembers(user, org.id);
  const [people, documents] = await Promise.all([listOrganisationPeople(user, org.id), listOrganisationDocuments(user, org.id)]);
  const td = await getTranslations('diligence');
  const { missing, signed } = organisationCompleteness(org);
  const locale = await getLocale();
  const requiredBy = await listOpenCallsRequiringDeclaration();
  const declaration = org.selfDeclaration;

  return (
    <div className="space-y-8">
      <PageHeader
        title={org.legalName}
        intro={t('intro')}
        actions={
          <Link href="/organisation?new=1" className={buttonClass('secondary', 'sm')}>
            {t('createAnother')}
          </Link>
        }
      />
      {params.created === '1' && <Alert tone="success">{t('created')}</Alert>}
      {params.joined === '1' && <Alert tone="success">{t('joined', { organisation: org.legalName })}</Alert>}
      {mine.length > 1 && (
        <nav aria-label={t('switchOrganisation')} className="flex flex-wrap gap-2 text-sm">
          {mine.map((o) => (
            <Link
              key={o.id}
              href={`/organisation?org=${o.id}`}
              aria-current={o.id === org.id ? 'page' : undefined}
              className={buttonClass(o.id === org.id ? 'primary' : 'secondary', 'sm')}
            >
              {o.legalName}
            </Link>
          ))}
        </nav>
      )}

      <section aria-labelledby="org-state" className="space-y-2">
        <h2 id="org-state" className="sr-only">
          {t('stateTitle')}
        </h2>
        {missing.length > 0 ? (
          <Alert tone="warning" data-testid="profile-state">
            {t('profileIncomplete', { fields: missing.map((f) => t(f)).join(', ') })}
          </Alert>
        ) : (
          <Alert tone="success" data-testid="profile-state">
            {t('profileComplete')}
          </Alert>
        )}
        {!signed && <Alert tone="warning">{t('declarationMissing')}</Alert>}
      </section>

      <Card>
        <h2 className="mb-4">{t('profileTitle')}</h2>
        <OrganisationForm organisationId={org.id} initial={profileOf(org)} />
      </Card>

      <Card className="space-y-4">
        <h2 id="people">{td('peopleTitle')}</h2>
        <p className="text-sm text-slate-600">{td('peopleIntro')}</p>
        <PeopleForm
          key={people.map((p) => p.id).join()}
          organisationId={org.id}
          initial={people.map((p) => ({
            name: p.name,
            nameOriginalScript: p.nameOriginalScript ?? '',
            role: p.role,
            nationality: p.nationality ?? '',
            dateOfBirth: p.dateOfBirth ?? '',
          }))}
        />
      </Card>

      <Card className="space-y-4">
        <h2 id="documents" className="scroll-mt-4">
          {td('documentsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{td('documentsIntro')}</p>
        <DocumentLibrary organisationId={org.id} initial={documents ?? []} editable rules={organisationDocumentRules} />
      </Card>

      <Card className="space-y-4">
        <h2 id="declaration" className="scroll-mt-4">
          {t('declarationTitle')}
        </h2>
        <p className="text-sm" data-testid="declaration-required-by">
          {requiredBy.length
            ? t('declarationRequiredBy', { calls: joinList(requiredBy.map((c) => callTitleIn(c, locale)), locale) })
            : t('declarationOptional')}
        </p>
        {declaration && signed && (
          <div className="space-y-2 text-sm" data-testid="declaration-signed">
            <Badge tone="success">{t('declarationSigned')}</Badge>
            <ul className="list-disc ps-6">
              {selfDeclarationStatements.map((k) => (
                <li key={k}>{t(`declaration.${k}`)}</li>
              ))}
            </ul>
            <p>
              {t.rich('signedBy', {
                name: declaration.signedByName,
                title: declaration.signedByTitle,
                date: () => <Instant date={new Date(declaration.signedAt)} timeZone="UTC" />,
              })}
            </p>
          </div>
        )}
        {declaration && signed ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('signAgain')}</summary>
            <div className="mt-4">
              <SelfDeclarationForm organisationId={org.id} signerName={user.name ?? ''} />
            </div>
          </details>
        ) : (
          <SelfDeclarationForm organisationId={org.id} signerName={user.name ?? ''} />
        )}
      </Card>

      <Card className="space-y-4">
        <h2 id="members">{t('membersTitle')}</h2>
        <p className="text-sm text-slate-600">{t('membersIntro')}</p>
        <Table caption={t('membersTitle')}>
          <thead>
            <tr>
              <Th>{t('memberName')}</Th>
              <Th>{t('memberEmail')}</Th>
              <Th>{t('memberRole')}</Th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <Td>{m.name}</Td>
                <Td>{m.email}</Td>
                <Td>{t(`roles.${m.role}`)}</Td>
              </tr>
            ))}
            {invitations.map((i) => (
              <tr key={i.id}>
                <Td className="text-slate-500">{t('invitedPending')}</Td>
                <Td>{i.email}</Td>
                <Td>
                  <Badge tone="warning">{t('invitationOpenUntil')}</Badge> <Instant date={i.expiresAt} timeZone="UTC" showViewerTime={false} dateOnly />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {role === 'owner' ? (
          <div className="space-y-2">
            <h3 className="text-base font-semibold">{t('inviteTitle')}</h3>
            <p className="text-sm text-slate-600">{t('inviteIntro')}</p>
            <InviteMemberForm organisationId={org.id} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('onlyOwnersInvite')}</p>
        )}
      </Card>
    </div>
  );
}
