import { enum as oneOf, maxLength, minLength, strictObject, string, type infer as Infer } from 'zod/mini';
import { locales } from '@/lib/i18n/config';
import { email, newPassword } from './auth';

// zod/mini, as ./auth (the password and e-mail pages load only what they use).

/** A token from a mailed link (e-mail confirmation, password reset). */
const token = string().check(minLength(20), maxLength(200));

export const confirmEmailSchema = strictObject({ token });
export type ConfirmEmailInput = Infer<typeof confirmEmailSchema>;

export const resendVerificationSchema = strictObject({});

/** The language a signed-in user chose: the app's, and their mail's. */
export const setLocaleSchema = strictObject({ locale: oneOf(locales) });
export type SetLocaleInput = Infer<typeof setLocaleSchema>;

export const forgotPasswordSchema = strictObject({ email });
export type ForgotPasswordInput = Infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = strictObject({ token, password: newPassword });
export type ResetPasswordInput = Infer<typeof resetPasswordSchema>;

export const changePasswordSchema = strictObject({
  currentPassword: string().check(minLength(1), maxLength(200)),
  newPassword,
});
export type ChangePasswordInput = Infer<typeof changePasswordSchema>;

export const signOutEverywhereSchema = strictObject({});
