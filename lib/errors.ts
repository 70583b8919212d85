import type { Messages } from '@/lib/i18n/messages';

/** A message of the "errors" catalog: a key that does not exist fails the type check. */
export type ErrorKey = keyof Messages['errors'];

/**
 * An error the user should read. `key` names a message in the "errors" catalog; the
 * action wrapper translates it. Anything else thrown inside an action is logged and
 * reported as a generic failure, so raw exception text never reaches the browser.
 */
export class AppError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly values: Record<string, string | number | Date> = {},
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(key);
    this.name = 'AppError';
  }
}

/** Another organisation's record, or one a reviewer may not see: it does not exist for them. */
export class NotFoundError extends AppError {
  constructor() {
    super('notFound');
  }
}

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
