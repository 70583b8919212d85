import type { Role } from '@/db/schema/auth';
import { directionOf, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { renderHtml, renderText, type MailContent } from './layout';
import { instantFormat } from '@/lib/i18n/formats';

/** The data each message needs. Adding a message means adding it here and to the catalog. */
export type MailTemplates = {
  invitation: { inviterName: string; roles: Role[]; link: string; expiresAt: Date };
};
export type MailTemplateName = keyof MailTemplates;

type Builder<N extends MailTemplateName> = (
  data: MailTemplates[N],
  t: ReturnType<typeof translator<'mail'>>,
  locale: Locale,
) => Omit<MailContent, 'footer' | 'dir' | 'lang'>;

function formatInstant(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale, instantFormat('UTC') as Intl.DateTimeFormatOptions).format(date);
}

const builders: { [N in MailTemplateName]: Builder<N> } = {
  invitation: (data, t, locale) => {
    const roleNames = translator(locale, 'roles');
    return {
      subject: t('invitation.subject'),
      greeting: t('greeting'),
      paragraphs: [
        t('invitation.body', {
          inviter: data.inviterName,
          roles: data.roles.map((r) => roleNames(r)).join(', '),
        }),
        t('invitation.expires', { expiresAt: formatInstant(data.expiresAt, locale) }),
      ],
      action: { label: t('invitation.action'), url: data.link },
      actionHint: t('linkHint'),
    };
  },
};

export type RenderedMail = { subject: string; text: string; html: string };

export function renderMail<N extends MailTemplateName>(name: N, data: MailTemplates[N], locale: Locale): RenderedMail {
  const t = translator(locale, 'mail');
  const content: MailContent = {
    ...builders[name](data, t, locale),
    footer: t('footer'),
    dir: directionOf(locale),
    lang: locale,
  };
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
