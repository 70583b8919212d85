import { requestTranslator } from '@/lib/i18n/translate';

/** The words for a refused sign-in; `code` is the refusal lib/auth/index.ts put in the error (or Auth.js's redirect). */
export async function signInErrorText(code: string | undefined): Promise<string> {
  const t = await requestTranslator('auth');
  const throttled = code?.match(/^throttled-(\d+)$/);
  if (throttled) return t('errorThrottled', { minutes: Math.max(1, Math.min(1440, Number(throttled[1]))) });
  return t(code === 'disabled' ? 'errorDisabled' : 'errorInvalid');
}
