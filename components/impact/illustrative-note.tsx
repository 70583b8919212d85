import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';

/** The demo's marker: the figures, or some of them, are invented (the call's own note says which). */
export async function IllustrativeNote({ note }: { note: string | null }) {
  const tc = await getTranslations('common');
  return (
    <div className="space-y-1" data-testid="illustrative-note">
      <Badge tone="warning">{tc('illustrative')}</Badge>
      {note && (
        // A note written with the demo data, in English like the rest of it.
        <p className="text-sm text-amber-800" lang="en" dir="ltr">
          {note}
        </p>
      )}
      <p className="text-sm text-amber-800">{tc('illustrativeNote')}</p>
    </div>
  );
}
