import type { Executor } from '@/db';
import { outbox, type OutboxMessage } from '@/db/schema';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { renderHtml, renderText } from './layout';
import { mailContent, type MailTemplateName, type MailTemplates } from './templates';

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
 * change that caused it commits, and the worker delivers it later. The request writes what
 * the message says (its content, subject and plain text, which the outbox lists and
 * searches); the HTML is laid out by the worker when it sends it (mailHtml).
 */
export async function queueMail<N extends MailTemplateName>(executor: Executor, mail: QueuedMail<N>): Promise<void> {
  const locale = isLocale(mail.locale) ? mail.locale : defaultLocale;
  const content = mailContent(mail.template, mail.data, locale);
  await executor
    .insert(outbox)
    .values({
      toAddress: mail.to,
      toUserId: mail.toUserId ?? null,
      template: mail.template,
      subject: content.subject,
      textBody: renderText(content),
      content,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

/** A queued message's HTML part: as stored whole (messages queued before 0008), or laid out from its content. */
export function mailHtml(message: Pick<OutboxMessage, 'htmlBody' | 'content'>): string {
  return message.htmlBody ?? (message.content ? renderHtml(message.content) : '');
}
