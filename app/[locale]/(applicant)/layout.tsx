import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/** The messages the applicant's forms use (organisation, application, status). */
export default function ApplicantLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['application', 'applicationStatus', 'applicationView', 'autosave', 'auth', 'awards', 'diligence', 'localPartners', 'organisation', 'picker', 'themes', 'validation']}>
      {children}
    </ClientMessages>
  );
}
