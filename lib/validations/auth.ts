import { locales } from '@/lib/i18n/config';
import { z } from './zod';

export const email = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = z.string().min(10).max(200);

export const signInSchema = z.strictObject({
  email,
  password: z.string().min(1).max(200),
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const staffRoles = ['reviewer', 'admin'] as const;

export const inviteUserSchema = z.strictObject({
  email,
  name: z.string().trim().max(200).optional(),
  roles: z.array(z.enum(staffRoles)).min(1),
  /** The language their invitation and later mail are written in. */
  locale: z.enum(locales).optional(),
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200),
  password: newPassword,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const setUserRolesSchema = z.strictObject({
  userId: z.uuid(),
  roles: z.array(z.enum(['admin', 'reviewer', 'applicant'])),
});
export type SetUserRolesInput = z.infer<typeof setUserRolesSchema>;

export const setUserDisabledSchema = z.strictObject({
  userId: z.uuid(),
  disabled: z.boolean(),
});
