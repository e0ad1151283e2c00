// One e-mail in the partnership's language (DESIGN §12): English or Welsh alone, or — when the
// partnership is bilingual — one message with the Welsh first and the English after it, each part in an
// element marked `lang` so that a screen reader switches voice, a subject in both languages, and the
// plain-text alternative in the same order.
import { localesOf, type Locale } from '../../shared/i18n/index.js';
import type { Language } from '../../shared/vocabulary.js';
import { emailPage, Html, markup } from './html.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** An e-mail's content in one language, before it is put on a page. */
export interface EmailPart {
  subject: string;
  /** The line a mail client shows beside the subject. */
  preheader: string;
  body: Html;
  text: string;
}

/** Between the Welsh and the English of the plain-text part. */
const TEXT_DIVIDER = `\n${'-'.repeat(40)}\n\n`;

/** The e-mail `part` writes, in each of the partnership's languages (English when none is set). */
export function inLanguages(
  language: Language | undefined,
  part: (locale: Locale) => EmailPart,
): RenderedEmail {
  const parts = localesOf(language).map((locale) => ({ locale, ...part(locale) }));
  if (parts.length === 1) {
    const [only] = parts as [(typeof parts)[number]];
    return {
      subject: only.subject,
      html: emailPage(only.subject, only.preheader, only.body, only.locale),
      text: only.text,
    };
  }
  const subject = parts.map((p) => p.subject).join(' / ');
  const body = markup`${parts.map(
    (p, i) =>
      markup`${i > 0 ? new Html('<hr style="border:0;border-top:1px solid #b1b4b6;margin:28px 0;">\n') : ''}<div lang="${p.locale}">\n${p.body}</div>\n`,
  )}`;
  return {
    subject,
    html: emailPage(subject, parts.map((p) => p.preheader).join(' / '), body, parts[0]!.locale),
    text: parts.map((p) => p.text.trimEnd()).join(TEXT_DIVIDER) + '\n',
  };
}
