import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { db, transactionScope, type Transaction } from '@/db';
import { writeAudit, type AuditEntry } from '@/lib/audit';
import { getOptionalUser, type SessionUser } from '@/lib/auth/session';
import { can, type Permission } from '@/lib/authz';
import { AppError, type ActionResult } from '@/lib/errors';
import { loose, requestTranslator } from '@/lib/i18n/translate';
import { requestLog } from '@/lib/log';
import { queueMail, type QueuedMail } from '@/lib/mail/outbox';
import type { MailTemplateName } from '@/lib/mail/templates';
import { translateFieldErrors } from '@/lib/validations/translate-issue';

type Context<I, U> = {
  input: I;
  user: U;
  tx: Transaction;
  /** Appends to the audit log in this transaction. */
  audit: (entry: AuditEntry) => Promise<void>;
  /** Queues a message in the outbox in this transaction. */
  mail: <N extends MailTemplateName>(message: QueuedMail<N>) => Promise<void>;
  /** Paths to refresh once the transaction has committed. */
  revalidate: (...paths: string[]) => void;
};

type Options = { revalidate?: string[] };

async function errorText(key: string, values?: Record<string, string | number | Date>) {
  const t = loose(await requestTranslator('errors'));
  return t(key, values);
}

function refresh(paths: Set<string>) {
  for (const path of paths) {
    try {
      revalidatePath(path);
    } catch {
      // Outside a Next request (tests): nothing is cached to refresh.
    }
  }
}

async function run<S extends z.ZodType, T, U extends SessionUser | null>(
  schema: S,
  raw: unknown,
  authorise: (user: SessionUser | null) => { ok: true; user: U } | { ok: false; key: string },
  body: (ctx: Context<z.output<S>, U>) => Promise<T>,
  options: Options,
): Promise<ActionResult<T>> {
  // 1. validate: the client is never trusted, whatever its form checked.
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const t = loose(await requestTranslator('validation'));
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

  // 4. one transaction: the change, its audit row and its mail commit together or not at all.
  const paths = new Set(options.revalidate ?? []);
  try {
    const data = await db.transaction(async (tx) => {
      const actor = { id: user?.id ?? null, email: user?.email ?? null };
      return transactionScope.run(true, () => body({
        input: parsed.data,
        user,
        tx,
        audit: (entry) => writeAudit(tx, actor, entry),
        mail: (message) => queueMail(tx, message),
        revalidate: (...more) => more.forEach((p) => paths.add(p)),
      }));
    });
    // 5. revalidate, 6. a typed result.
    refresh(paths);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: await errorText(error.key, error.values),
        fieldErrors: error.fieldErrors
          ? translateFieldErrors(loose(await requestTranslator('validation')), error.fieldErrors)
          : undefined,
      };
    }
    (await requestLog()).error({ err: error }, 'action: unexpected failure');
    return { ok: false, error: await errorText('unexpected') };
  }
}

/**
 * The one way to write a server action: validate -> authenticate -> authorise -> one
 * transaction (with its audit row and queued mail) -> revalidate -> a typed result.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  permission: Permission,
  body: (ctx: Context<z.output<S>, SessionUser>) => Promise<T>,
  options: Options = {},
) {
  return async (raw: unknown) =>
    run<S, T, SessionUser>(
      schema,
      raw,
      (user) => {
        if (!user) return { ok: false, key: 'unauthenticated' };
        if (!can(user, permission)) return { ok: false, key: 'forbidden' };
        return { ok: true, user };
      },
      body,
      options,
    );
}

/** For the few actions a visitor may take (sign up, accept an invitation, reset a password). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  body: (ctx: Context<z.output<S>, SessionUser | null>) => Promise<T>,
  options: Options = {},
) {
  return async (raw: unknown) =>
    run<S, T, SessionUser | null>(schema, raw, (user) => ({ ok: true, user }), body, options);
}
