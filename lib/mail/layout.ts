import { labelled } from '@/lib/i18n/formats';

/** What every message is made of; the layout turns it into matching HTML and plain text. */
export type MailContent = {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  /** Label/value lines, e.g. a reference number and a deadline. */
  details?: [string, string][];
  /** Headed blocks after the details, e.g. an outcome letter's feedback and the panel's comments. */
  sections?: { heading: string; paragraphs?: string[]; details?: [string, string][] }[];
  action?: { label: string; url: string };
  /** Shown under the button: the link to paste if the button does not work. */
  actionHint?: string;
  footer: string;
  dir?: 'ltr' | 'rtl';
  lang?: string;
};

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderText(content: MailContent): string {
  const lang = content.lang ?? 'en';
  const lines: string[] = [];
  if (content.greeting) lines.push(content.greeting, '');
  for (const p of content.paragraphs) lines.push(p, '');
  if (content.details?.length) {
    for (const [label, value] of content.details) lines.push(labelled(label, value, lang));
    lines.push('');
  }
  for (const section of content.sections ?? []) {
    lines.push(section.heading, '');
    for (const p of section.paragraphs ?? []) lines.push(p, '');
    if (section.details?.length) {
      for (const [label, value] of section.details) lines.push(labelled(label, value, lang));
      lines.push('');
    }
  }
  if (content.action) lines.push(labelled(content.action.label, content.action.url, lang), '');
  lines.push('--', content.footer);
  return lines.join('\n');
}

export function renderHtml(content: MailContent): string {
  const e = escapeHtml;
  const dir = content.dir ?? 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const padEnd = dir === 'rtl' ? 'padding:4px 0 4px 12px' : 'padding:4px 12px 4px 0';
  const table = (rows: [string, string][] | undefined) =>
    rows?.length
      ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${rows
          .map(
            ([label, value]) =>
              `<tr><td style="${padEnd};color:#555;text-align:${align};vertical-align:top">${e(label)}</td><td style="padding:4px 0;font-weight:600;text-align:${align}">${e(value)}</td></tr>`,
          )
          .join('')}</table>`
      : '';
  const details = table(content.details);
  const sections = (content.sections ?? [])
    .map(
      (section) =>
        `<h2 style="font-size:16px;margin:24px 0 8px">${e(section.heading)}</h2>` +
        (section.paragraphs ?? []).map((p) => `<p>${e(p)}</p>`).join('\n') +
        table(section.details),
    )
    .join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${e(content.action.url)}" style="background:#0b5cab;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${e(content.action.label)}</a></p>` +
      (content.actionHint
        ? `<p style="font-size:13px;color:#555">${e(content.actionHint)}<br><a href="${e(content.action.url)}" style="color:#0b5cab;word-break:break-all">${e(content.action.url)}</a></p>`
        : '')
    : '';
  return `<!doctype html>
<html lang="${e(content.lang ?? 'en')}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(content.subject)}</title></head>
<body style="margin:0;background:#f4f5f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;padding:24px">
<div style="font-weight:700;font-size:18px;color:#0b5cab;padding-bottom:12px">EOI Portal</div>
<div style="background:#fff;border-radius:8px;padding:24px;text-align:${align};line-height:1.5">
${content.greeting ? `<p>${e(content.greeting)}</p>` : ''}
${content.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${details}
${sections}
${action}
</div>
<p style="font-size:12px;color:#777;text-align:${align};padding-top:12px">${e(content.footer)}</p>
</div>
</body>
</html>`;
}
