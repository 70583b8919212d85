import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md">
      <Card className="p-6 sm:p-8">{children}</Card>
    </div>
  );
}
