'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { startApplicationAction } from '@/lib/actions/applications';

/** Starts (or opens) the application of one of the user's organisations. */
export function StartApplicationForm({
  callSlug,
  organisations,
}: {
  callSlug: string;
  organisations: { id: string; name: string; applicationId: string | null }[];
}) {
  const t = useTranslations('apply');
  const [organisationId, setOrganisationId] = useState(organisations[0].id);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const chosen = organisations.find((o) => o.id === organisationId)!;
  const go = () =>
    start(async () => {
      setError(null);
      const result = await startApplicationAction({ callSlug, organisationId });
      if (result && !result.ok) setError(result.error);
    });
  return (
    <form
      className="space-y-4"
      aria-label={t('title')}
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <FormError message={error} />
      {organisations.length > 1 ? (
        <Field id="organisation" label={t('applyAs')}>
          {(p) => (
            <Select {...p} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <p>{t('applyingAs', { organisation: chosen.name })}</p>
      )}
      <Button type="submit" pending={pending} size="lg">
        {chosen.applicationId ? t('openApplication') : t('start')}
      </Button>
    </form>
  );
}
