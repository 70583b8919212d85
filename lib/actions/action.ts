import 'server-only';
import { updateTag } from 'next/cache';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { db, transactionScope, type Transaction } from '@/db';
import { auditActor } from '@/lib/audit';
import { getOptionalUser, type SessionUser } from '@/lib/auth/session';
import { auditLock } from '@/lib/data/accounts';
import { can, type Permission } from '@/lib/authz';
import { AppError, type ActionResult, type ErrorKey } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/locale';
import { requestTranslator } from '@/lib/i18n/translate';
import { requestLog } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { hit, type Limit } from '@/lib/security/rate-limit';
import { cleanInput } from '@/lib/security/text';
import { translateFieldErrors } from '@/lib/validations/translate-issue';

type Context<I, U> = {
  input: I;
  user: U;
  /** The language of the request: what the person acting reads the app in. */
  locale: Locale;
  /**
   * The one transaction of the change. The data functions given it write the change, its
   * audit row and its queued mail in it: the audit row is written by the data function
   * that makes the change (lib/audit.ts writeAudit), never by the action, so that the
   * callers that are not actions (the upload route, Auth.js's sign-in, tests, scripts)
   * leave the same record, and no caller can forget it.
   */
  tx: Transaction;
  /**
   * Cache tags of public pages this change makes stale (lib/cache/tags.ts), expired once the
   * transaction has committed. Nothing else is refreshed: the action answers with data, and
   * the page that called it updates from that (or asks for itself with router.refresh()).
   */
  invalidate: (...tags: string[]) => void;
};

async function errorText(key: ErrorKey, values?: Record<string, string | number | Date>) {
  const t = await requestTranslator('errors');
  return t(key, values);
}

function expire(tags: Set<string>) {
  for (const tag of tags) {
    try {
      // Read-your-own-writes: the next request for a page with this tag renders afresh.
      updateTag(tag);
    } catch {
      // Outside a Next request (tests): nothing is cached to expire.
    }
  }
}

type Gate<U> = (user: SessionUser | null) => { ok: true; user: U } | { ok: false; key: ErrorKey };

type Options = {
  /** Counted per client address before the transaction (sign-up, invitations, password resets). */
  limit?: Limit;
};

/**
 * Counts this call against a per-address limit, outside the transaction so that refusals
 * count too; the one call that starts a lock writes an audit row. The message, or null.
 */
async function overLimit(limit: Limit, user: SessionUser | null): Promise<string | null> {
  const address = await clientAddress();
  const counted = await hit(limit, address);
  if (counted.allowed) return null;
  if (counted.justLocked) await auditLock(db, limit.name, { address, until: counted.windowEndsAt, by: auditActor(user) });
  return errorText('tooManyAttempts', { minutes: Math.ceil(counted.retryAfterSeconds / 60) });
}

/** Step 4 of a writing action: one transaction (the data functions write the audit row and mail in it); the tags to expire after. */
function inTransaction<I, U extends SessionUser | null, T>(body: (ctx: Context<I, U>) => Promise<T>) {
  return async (input: I, user: U, tags: Set<string>) => {
    const locale = await requestLocale();
    return db.transaction(async (tx) =>
      transactionScope.run(true, () =>
        body({
          input,
          user,
          locale,
          tx,
          invalidate: (...more) => more.forEach((t) => tags.add(t)),
        }),
      ),
    );
  };
}

async function run<S extends $ZodType, T, U extends SessionUser | null>(
  schema: S,
  raw: unknown,
  authorise: Gate<U>,
  perform: (input: output<S>, user: U, tags: Set<string>) => Promise<T>,
  options: Options = {},
): Promise<ActionResult<T>> {
  // 1. validate: the client is never trusted, whatever its form checked. Control
  // characters are removed first (lib/security/text.ts): the database refuses NUL.
  // zod's core parse: the same for classic schemas and zod/mini ones (lib/validations/application.ts).
  const parsed = safeParse(schema, cleanInput(raw));
  if (!parsed.success) {
    const t = await requestTranslator('validation');
    // Keyed by the full path ("criteria.2.weight"), as react-hook-form names its fields;
    // z.flattenError would fold nested fields into their top-level key.
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      if (key) (fieldErrors[key] ??= []).push(issue.message);
      else formErrors.push(issue.message);
    }
    const general = translateFieldErrors(t, { _: formErrors })._?.[0];
    return { ok: false, error: general ?? (await errorText('invalidInput')), fieldErrors: translateFieldErrors(t, fieldErrors) };
  }
  // 2. authenticate and 3. authorise, before anything is written.
  const gate = authorise(await getOptionalUser());
  if (!gate.ok) return { ok: false, error: await errorText(gate.key) };
  const user = gate.user;
  if (options.limit) {
    const refused = await overLimit(options.limit, user);
    if (refused) return { ok: false, error: refused };
  }

  // 4. the work: for a change, one transaction (the change, its audit row and its mail
  // commit together or not at all); for a read, no transaction at all.
  const tags = new Set<string>();
  try {
    const data = await perform(parsed.data, user, tags);
    // 5. expire what public pages showed, 6. a typed result.
    expire(tags);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: await errorText(error.key, error.values),
        fieldErrors: error.fieldErrors
          ? translateFieldErrors(await requestTranslator('validation'), error.fieldErrors)
          : undefined,
      };
    }
    (await requestLog()).error({ err: error }, 'action: unexpected failure');
    return { ok: false, error: await errorText('unexpected') };
  }
}

/**
 * The one way to write a server action: validate -> authenticate -> authorise -> one
 * transaction (with its audit row and queued mail) -> expire public cache tags -> a typed result.
 */
export function action<S extends $ZodType, T>(
  schema: S,
  permission: Permission,
  body: (ctx: Context<output<S>, SessionUser>) => Promise<T>,
) {
  return async (raw: unknown) => run<S, T, SessionUser>(schema, raw, signedInWith(permission), inTransaction(body));
}

/**
 * For an action that only reads (the suggested slate): validated, authenticated and
 * authorised the same way, but run outside any transaction, so on the embedded database
 * it never holds the one connection while others wait.
 */
export function readAction<S extends $ZodType, T>(
  schema: S,
  permission: Permission,
  body: (ctx: { input: output<S>; user: SessionUser }) => Promise<T>,
) {
  return async (raw: unknown) => run<S, T, SessionUser>(schema, raw, signedInWith(permission), (input, user) => body({ input, user }));
}

function signedInWith(permission: Permission): Gate<SessionUser> {
  return (user) => {
    if (!user) return { ok: false, key: 'unauthenticated' };
    if (!can(user, permission)) return { ok: false, key: 'forbidden' };
    return { ok: true, user };
  };
}

/** For the few actions a visitor may take (sign up, accept an invitation, reset a password). */
export function publicAction<S extends $ZodType, T>(
  schema: S,
  body: (ctx: Context<output<S>, SessionUser | null>) => Promise<T>,
  options: Options = {},
) {
  return async (raw: unknown) => run<S, T, SessionUser | null>(schema, raw, (user) => ({ ok: true, user }), inTransaction(body), options);
}
