'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ApplicationFormStep, RuleIssue } from '@/lib/validations/application';
import { translateIssue } from '@/lib/validations/translate-issue';
import { useApplicationForm } from './context';

/**
 * What the step just left with "Save and continue" still lacks (saved as a draft all the
 * same), each field named in words, with a way back to it.
 */
export function StepLacks({ step, issues, goBack }: { step: ApplicationFormStep; issues: RuleIssue[]; goBack: () => void }) {
  const t = useTranslations('application');
  const tl = useTranslations('localPartners');
  const tv = useTranslations('validation');
  const { rules } = useApplicationForm();

  // A path from a validation issue is a string from the wire: checked against the catalog.
  const isKey = (k: string): k is Parameters<typeof t>[0] => t.has(k as Parameters<typeof t>[0]);
  /** A field's name in words. */
  const labelOf = (path: string): string => {
    const [head, second, third] = path.split('.');
    const n = Number(second) + 1;
    if (head === 'risks') return third === 'mitigation' ? t('mitigationLabel', { n }) : third === 'risk' ? t('riskLabel', { n }) : t('steps.risks');
    if (head === 'budgetLines') return third === 'amount' ? t('lineAmount', { n }) : third === 'label' ? t('lineLabel', { n }) : t('budgetLines');
    if (head === 'localPartners' && (third === 'name' || third === 'country' || third === 'role')) return tl(third, { n });
    if (head === 'declarations') return rules.requirements.find((r) => r.id === second)?.statement ?? t('steps.declarations');
    if (head === 'documents') return rules.slots.find((sl) => sl.id === second)?.name ?? t('steps.documents');
    if (head === 'requestedAmount') return t('fields.requestedAmount');
    const key = `fields.${head}`;
    return isKey(key) ? t(key) : head;
  };

  return (
    <Alert tone="warning" data-testid="step-lacks">
      <p className="font-medium">{t('stepLacks', { step: t(`steps.${step}`) })}</p>
      <ul className="mt-2 list-disc space-y-1 ps-6">
        {[...new Map(issues.map((i) => [i.path, i])).values()].map((i) => (
          <li key={i.path}>
            {labelOf(i.path)}: {translateIssue(tv, i.message)}
          </li>
        ))}
      </ul>
      <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={goBack}>
        {t('backToStep', { step: t(`steps.${step}`) })}
      </Button>
    </Alert>
  );
}
