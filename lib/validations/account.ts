import { locales } from '@/lib/i18n/config';
import { email, newPassword } from './auth';
import { z } from './zod';

/** A token from a mailed link (e-mail confirmation, password reset). */
const token = z.string().min(20).max(200);

export const confirmEmailSchema = z.strictObject({ token });
export type ConfirmEmailInput = z.infer<typeof confirmEmailSchema>;

export const resendVerificationSchema = z.strictObject({});

/** The language a signed-in user chose: the app's, and their mail's. */
export const setLocaleSchema = z.strictObject({ locale: z.enum(locales) });
export type SetLocaleInput = z.infer<typeof setLocaleSchema>;

export const forgotPasswordSchema = z.strictObject({ email });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z.strictObject({ token, password: newPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const signOutEverywhereSchema = z.strictObject({});
