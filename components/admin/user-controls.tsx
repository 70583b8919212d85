'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Checkbox } from '@/components/ui/input';
import { setUserDisabledAction, setUserRolesAction } from '@/lib/actions/users';

const allRoles = ['applicant', 'reviewer', 'admin'] as const;

/** Roles and enable/disable for one user row. Disabling asks for confirmation first. */
export function UserControls({
  userId,
  email,
  roles,
  disabled,
  isSelf,
}: {
  userId: string;
  email: string;
  roles: string[];
  disabled: boolean;
  isSelf: boolean;
}) {
  const t = useTranslations('users');
  const tr = useTranslations('roles');
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>(roles);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [confirm, confirmDialog] = useConfirm();
  const changed = [...selected].sort().join() !== [...roles].sort().join();

  const saveRoles = () =>
    start(async () => {
      const result = await setUserRolesAction({ userId, roles: selected });
      setMessage(result.ok ? { tone: 'ok', text: t('rolesSaved') } : { tone: 'error', text: result.error });
      if (result.ok) router.refresh();
    });

  const toggleDisabled = async () => {
    if (!disabled && !(await confirm(t('confirmDisable', { email }), { destructive: true, confirmLabel: t('disable') }))) return;
    start(async () => {
      const result = await setUserDisabledAction({ userId, disabled: !disabled });
      setMessage(
        result.ok
          ? { tone: 'ok', text: disabled ? t('enabledDone', { email }) : t('disabledDone', { email }) }
          : { tone: 'error', text: result.error },
      );
      if (result.ok) router.refresh();
    });
  };

  return (
    <div className="space-y-2">
      {confirmDialog}
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{t('editRoles', { email })}</legend>
        {allRoles.map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm">
            <Checkbox
              checked={selected.includes(role)}
              onChange={(e) => setSelected((s) => (e.target.checked ? [...s, role] : s.filter((r) => r !== role)))}
              aria-label={`${tr(role)} (${email})`}
            />
            {tr(role)}
          </label>
        ))}
        {changed && (
          <Button size="sm" variant="secondary" onClick={saveRoles} pending={pending}>
            {t('saveRoles')}
          </Button>
        )}
        {!isSelf && (
          <Button size="sm" variant={disabled ? 'secondary' : 'danger'} onClick={toggleDisabled} pending={pending}>
            {disabled ? t('enable') : t('disable')}
          </Button>
        )}
      </fieldset>
      <p aria-live="polite" className={message?.tone === 'error' ? 'text-sm text-red-700' : 'text-sm text-green-800'}>
        {message?.text}
      </p>
    </div>
  );
}
