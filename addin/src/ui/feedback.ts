// The pane's small widgets for feedback and input: message bars, the spinner, buttons and labelled
// lists, and how a failure (the service's, Excel's, or the pane's own) reads to a person.
import { ServiceError } from '../api/client.js';
import * as excel from '../excel/index.js';
import { h } from './dom.js';
import { monthWord, t } from '../words.js';

export type Intent = 'info' | 'success' | 'warning' | 'error';

/** A message bar; a warning or an error says so in a word and an icon, not by its colour alone. */
export function message(intent: Intent, text: string): HTMLElement {
  const word =
    intent === 'warning'
      ? t('pane.severity.warning')
      : intent === 'error'
        ? t('pane.severity.error')
        : undefined;
  return h(
    'fluent-message-bar',
    { intent, layout: 'multiline', class: 'message', 'data-intent': intent, tabindex: '-1' },
    word ? h('span', { class: 'intent-word' }, `${word}: `) : null,
    text,
  );
}

export function spinner(label: string): HTMLElement {
  return h(
    'div',
    { class: 'busy' },
    h('fluent-spinner', { size: 'tiny', 'aria-hidden': 'true' }),
    h('span', {}, label),
  );
}

export function button(
  id: string,
  label: string,
  action: () => unknown,
  appearance?: 'primary',
): HTMLElement {
  return h('fluent-button', { id, appearance, type: 'button', onclick: () => void action() }, label);
}

export function select(
  id: string,
  label: string,
  options: { value: string; label: string }[],
  selected: string,
): HTMLElement {
  const list = h(
    'select',
    { id },
    ...options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)),
  );
  return h('div', { class: 'picker' }, h('label', { for: id }, label), list);
}

/**
 * A failure as a person reads it. `reconnect`, when given, is offered with an "unauthorised" failure
 * (a token revoked or a sign-in ended).
 */
export function failureMessage(error: unknown, reconnect?: () => unknown): HTMLElement {
  if (error instanceof ServiceError) {
    const bar = message(
      error.kind === 'conflict' || error.kind === 'locked' ? 'warning' : 'error',
      error.message,
    );
    if (error.kind === 'unauthorised' && reconnect) {
      return h(
        'div',
        {},
        bar,
        h('div', { class: 'inline-actions' }, button('reconnect', t('pane.connectAgain'), reconnect)),
      );
    }
    return bar;
  }
  if (error instanceof excel.WorkbookConflict) return message('warning', error.message);
  const refusal = excel.excelRefusal(error);
  if (refusal) return message('warning', refusal);
  const detail = error instanceof Error ? error.message : String(error);
  return message('error', t('pane.excelFailed', { detail }));
}

/** A moment as a person in the UK reads it: 5 October 2026 at 14:02, or 5 Hydref 2026 am 14:02. */
export function when(iso: string): string {
  const date = new Date(iso);
  const day = `${date.getDate()} ${monthWord(date.getMonth() + 1)} ${date.getFullYear()}`;
  return t('pane.when', {
    day,
    time: date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }),
  });
}
