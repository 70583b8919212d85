'use server';

import { inviteStaff, setUserDisabled, setUserRoles } from '@/lib/data/accounts';
import { inviteUserSchema, setUserDisabledSchema, setUserRolesSchema } from '@/lib/validations/auth';
import { action } from './action';

export const inviteUserAction = action(
  inviteUserSchema,
  'user:manage',
  async ({ input, user, tx, audit }) => {
    const invited = await inviteStaff(tx, user, input);
    await audit({ action: 'user.invited', entityType: 'user', entityId: invited.userId, after: { email: input.email, roles: input.roles } });
    return invited;
  },
);

export const setUserRolesAction = action(
  setUserRolesSchema,
  'user:manage',
  async ({ input, user, tx, audit }) => {
    const change = await setUserRoles(tx, user, input);
    await audit({ action: 'user.roles_changed', entityType: 'user', entityId: input.userId, before: change.before, after: change.after });
    return change;
  },
);

export const setUserDisabledAction = action(
  setUserDisabledSchema,
  'user:manage',
  async ({ input, user, tx, audit }) => {
    const change = await setUserDisabled(tx, user, input);
    await audit({
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: input.userId,
      before: change.before,
      after: change.after,
    });
    return change;
  },
);
