import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Card } from '@/components/ui/card';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md">
      <Card className="p-6 sm:p-8">
        <ClientMessages namespaces={['account', 'auth', 'validation']}>{children}</ClientMessages>
      </Card>
    </div>
  );
}
