import type { MailMessage } from './mail-message';

/** What every mail says, in the order it says it. */
export interface MailContent {
  to: string;
  subject: string;
  /** "Hello Ada," — the first line. */
  greeting: string;
  /** Plain sentences; each becomes a paragraph. */
  paragraphs: string[];
  /** The one thing to click, if any. */
  action?: { label: string; url: string };
  /** Small print under the action: why they got it, when the link expires. */
  footer?: string[];
}

/**
 * The text and HTML bodies of a mail from its content. Every value is
 * escaped into the HTML, so a name or project name someone typed cannot add
 * markup or links to a mail Tessera sends.
 */
export function composeMail(content: MailContent): MailMessage {
  const { action, footer = [] } = content;
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...footer,
  ].join('\n\n');
  const paragraph = (line: string, style = '') =>
    `<p style="margin:0 0 16px${style}">${escapeHtml(line)}</p>`;
  const html = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f5f6f7;font-family:system-ui,sans-serif;color:#1a1b1e">',
    '<div style="max-width:560px;margin:0 auto;background:#fff;padding:32px;border-radius:8px">',
    paragraph(content.greeting),
    ...content.paragraphs.map((line) => paragraph(line)),
    ...(action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1864ab;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>`,
          paragraph(
            `Or open this link: ${action.url}`,
            ';font-size:13px;color:#495057;word-break:break-all',
          ),
        ]
      : []),
    ...footer.map((line) => paragraph(line, ';font-size:13px;color:#495057')),
    '</div></body></html>',
  ].join('\n');
  return { to: content.to, subject: content.subject, text: `${text}\n`, html };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
