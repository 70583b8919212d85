import type { Executor } from '@/db';
import { outbox } from '@/db/schema';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { renderMail, type MailTemplateName, type MailTemplates } from './templates';

export type QueuedMail<N extends MailTemplateName = MailTemplateName> = {
  to: string;
  toUserId?: string | null;
  /** The recipient's language; mail is written in it, not in the sender's. */
  locale?: string | null;
  template: N;
  data: MailTemplates[N];
  /** Queue at most once per key (scheduled reminders). */
  dedupeKey?: string;
};

/**
 * Puts a message in the outbox inside the caller's transaction: it is sent only if the
 * change that caused it commits, and the worker delivers it later.
 */
export async function queueMail<N extends MailTemplateName>(executor: Executor, mail: QueuedMail<N>): Promise<void> {
  const locale = isLocale(mail.locale) ? mail.locale : defaultLocale;
  const rendered = renderMail(mail.template, mail.data, locale);
  await executor
    .insert(outbox)
    .values({
      toAddress: mail.to,
      toUserId: mail.toUserId ?? null,
      template: mail.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}
