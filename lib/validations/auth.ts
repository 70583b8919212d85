import {
  array,
  boolean,
  email as emailFormat,
  enum as oneOf,
  maxLength,
  minLength,
  optional,
  pipe,
  strictObject,
  string,
  transform,
  trim,
  uuid,
  type infer as Infer,
} from 'zod/mini';
import { locales } from '@/lib/i18n/config';
import './issues';

/*
 * Written with zod/mini (functions, not methods), as ./application is: the sign-in,
 * sign-up and password pages then load only the parts of zod these schemas use. The same
 * checks in the same order as classic zod's methods, with the same messages.
 */

export const email = pipe(
  pipe(string().check(trim(), minLength(1), maxLength(254)), emailFormat()),
  transform((value: string) => value.toLowerCase()),
);

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = string().check(minLength(10), maxLength(200));

export const signInSchema = strictObject({
  email,
  password: string().check(minLength(1), maxLength(200)),
  callbackUrl: optional(string().check(maxLength(2000))),
});
export type SignInInput = Infer<typeof signInSchema>;

export const signUpSchema = strictObject({
  name: string().check(trim(), minLength(1), maxLength(200)),
  email,
  password: newPassword,
});
export type SignUpInput = Infer<typeof signUpSchema>;

export const staffRoles = ['reviewer', 'admin'] as const;

export const inviteUserSchema = strictObject({
  email,
  name: optional(string().check(trim(), maxLength(200))),
  roles: array(oneOf(staffRoles)).check(minLength(1)),
  /** The language their invitation and later mail are written in. */
  locale: optional(oneOf(locales)),
});
export type InviteUserInput = Infer<typeof inviteUserSchema>;

export const acceptInvitationSchema = strictObject({
  token: string().check(minLength(20), maxLength(200)),
  name: string().check(trim(), minLength(1), maxLength(200)),
  password: newPassword,
});
export type AcceptInvitationInput = Infer<typeof acceptInvitationSchema>;

export const setUserRolesSchema = strictObject({
  userId: uuid(),
  roles: array(oneOf(['admin', 'reviewer', 'applicant'])),
});
export type SetUserRolesInput = Infer<typeof setUserRolesSchema>;

export const setUserDisabledSchema = strictObject({
  userId: uuid(),
  disabled: boolean(),
});
