'use server';

import { inviteStaff, setUserDisabled, setUserRoles } from '@/lib/data/accounts';
import { inviteUserSchema, setUserDisabledSchema, setUserRolesSchema } from '@/lib/validations/auth';
import { action } from './action';

export const inviteUserAction = action(
  inviteUserSchema,
  'user:manage',
  async ({ input, user, tx }) => inviteStaff(tx, user, input),
);

export const setUserRolesAction = action(
  setUserRolesSchema,
  'user:manage',
  async ({ input, user, tx }) => setUserRoles(tx, user, input),
);

export const setUserDisabledAction = action(
  setUserDisabledSchema,
  'user:manage',
  async ({ input, user, tx }) => setUserDisabled(tx, user, input),
);
