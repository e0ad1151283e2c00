// The year's cost shares in the pane (DESIGN §10). A council user sees its council's proposed due, its
// share, the method with its inputs and the change from last year, and agrees or declines (a comment is
// required to decline; the decision may change while the proposal is open). The CDO, and anyone else
// reading the partnership, sees each Member's decision; the CDO has the service e-mail a reminder to those
// awaiting.
import { proposalRows } from '../../../shared/agreement-breakdown.js';
import {
  agreementLine,
  agreementState,
  type Agreement,
  type YearRecord,
} from '../../../shared/agreements.js';
import { addMonths, financialYearOf, monthsOfFinancialYear, ukDateOfInstant } from '../../../shared/dates.js';
import { agreementFigures, agreementWords, decisionWords } from '../../../shared/glossary.js';
import { formatPounds } from '../../../shared/money.js';
import type { Content, PaneContext } from './context.js';
import { h } from './dom.js';
import { button, message } from './feedback.js';
import { joinedByAnd, paneLanguage, t } from '../words.js';

const COMMENT_ID = 'decision-comment';

/** The financial year before `fy`: 2025-26 before 2026-27. */
const yearBefore = (fy: string): string => financialYearOf(addMonths(monthsOfFinancialYear(fy)[0]!, -1));

/**
 * A council's due in `year`: a closed year's statement holds the due its balance rests on; an open year
 * has one once its proposal is agreed.
 */
function dueIn(year: YearRecord, council: string): number | undefined {
  if (year.status === 'closed') return year.statements.find((s) => s.council === council)?.duePence;
  if (year.agreement?.status === 'agreed')
    return year.agreement.dues.find((d) => d.council === council)?.duePence;
  return undefined;
}

function changeFrom(due: number, last: number | undefined, lastFy: string): string {
  if (last === undefined) return t('pane.agreement.noLastDue', { year: lastFy });
  const difference = due - last;
  const compared = {
    difference: formatPounds(Math.abs(difference)),
    year: lastFy,
    amount: formatPounds(last),
  };
  if (difference === 0) return t('pane.agreement.sameAsLast', compared);
  return difference > 0
    ? t('pane.agreement.moreThanLast', compared)
    : t('pane.agreement.lessThanLast', compared);
}

/**
 * Figures as a table of two columns, the figure's label heading its row. A figure is kept on one line;
 * a value that is a sentence (`words`) wraps, so that it fits the narrowest pane in either language.
 */
function figuresTable(caption: string, rows: readonly (readonly [string, string, 'words'?])[]): HTMLElement {
  return h(
    'table',
    { class: 'compact figures' },
    h('caption', {}, caption),
    h(
      'tbody',
      {},
      ...rows.map(([label, value, words]) =>
        h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: words }, value)),
      ),
    ),
  );
}

export class AgreementView {
  // Read each time: the person may change the pane's language while it is open.
  private get words() {
    return agreementWords(paneLanguage());
  }
  private get decisions() {
    return decisionWords(paneLanguage());
  }
  private get figures() {
    return agreementFigures(paneLanguage());
  }

  constructor(private readonly ctx: PaneContext) {}

  show(): Promise<void> {
    return this.ctx.run('pane.agreement.title', t('pane.agreement.fetching'), () => this.render());
  }

  /** The latest proposal of the chosen period's financial year, after `notice` when given. */
  private async render(notice?: () => HTMLElement): Promise<void> {
    const s = this.ctx.session();
    const fy = financialYearOf(this.ctx.target().period);
    const [latest] = await s.api.agreements(fy);
    const status = () => {
      const line = agreementLine(
        fy,
        latest ? agreementState(latest) : null,
        (id) => this.ctx.councilName(id),
        ukDateOfInstant,
        paneLanguage(),
      );
      return message(latest?.status === 'agreed' ? 'success' : 'info', `${line}.`);
    };
    if (!latest) {
      this.ctx.result(() => [notice?.() ?? null, status()]);
      return;
    }
    const council = s.me.role === 'council' ? s.me.council : undefined;
    // A Member's due last year, for the change from it.
    const last =
      council && latest.dues.some((d) => d.council === council)
        ? dueIn(await s.api.year(yearBefore(latest.fy)), council)
        : undefined;
    this.ctx.result(() => [
      notice?.() ?? null,
      status(),
      ...(council
        ? this.councilView(latest, council, last)
        : this.partnershipView(latest, s.me.role === 'cdo' || s.me.role === 'admin')),
    ]);
  }

  private councilView(agreement: Agreement, council: string, last: number | undefined): Content[] {
    const name = this.ctx.councilName(council);
    const due = agreement.dues.find((d) => d.council === council);
    if (!due) return [message('info', t('pane.agreement.notMember', { council: name }))];
    const lastFy = yearBefore(agreement.fy);
    const decided = agreement.decisions.find((d) => d.council === council);
    return [
      figuresTable(
        t('pane.agreement.proposedOn', { council: name, date: ukDateOfInstant(agreement.proposedAt) }),
        [
          ...proposalRows(agreement, council, paneLanguage()),
          [this.figures.changeFromLastYear, changeFrom(due.duePence, last, lastFy), 'words'],
        ],
      ),
      agreement.note ? h('p', {}, t('pane.agreement.note', { note: agreement.note })) : null,
      h(
        'p',
        { class: 'decision-now' },
        decided
          ? t('pane.agreement.decided', {
              council: name,
              decision: this.decisions[decided.decision],
              date: ukDateOfInstant(decided.at),
              person: decided.by,
              comment: decided.comment ? ` (“${decided.comment}”)` : '',
            })
          : t('pane.agreement.undecided', { council: name, decision: this.decisions.awaiting }),
      ),
      agreement.status === 'proposed' ? this.decisionForm(agreement, name) : null,
    ];
  }

  private decisionForm(agreement: Agreement, name: string): HTMLElement {
    const hint = h('p', { id: `${COMMENT_ID}-hint`, class: 'muted' }, this.words.commentHint);
    const comment = h('textarea', {
      id: COMMENT_ID,
      rows: '3',
      maxlength: '2000',
      'aria-describedby': hint.id,
    }) as HTMLTextAreaElement;
    // With an id, so that a change of language says a refusal shown here again in the form drawn anew.
    const problem = h('div', { class: 'field-problem', id: `${COMMENT_ID}-problems` });
    const decide = (decision: 'agree' | 'decline'): Promise<void> | undefined => {
      const text = comment.value.trim();
      if (decision === 'decline' && !text) {
        // Said beside the box, which takes focus, and announced: nothing is sent. The box is found by
        // its id, as a change of language draws the form, box and all, again.
        const refusal = `${COMMENT_ID}-problem`;
        this.ctx.notify(problem, () => {
          const box = document.getElementById(COMMENT_ID);
          box?.setAttribute('aria-invalid', 'true');
          box?.setAttribute('aria-describedby', `${hint.id} ${refusal}`);
          return [
            Object.assign(message('error', t('pane.agreement.declineWhy', { council: name })), {
              id: refusal,
            }),
          ];
        });
        comment.focus();
        return undefined;
      }
      return this.ctx.run('pane.agreement.title', t('pane.agreement.recording'), async () => {
        const after = await this.ctx.session().api.decide(agreement.id, { decision, comment: text });
        const due = formatPounds(
          after.dues.find((d) => d.council === this.ctx.session().me.council)!.duePence,
        );
        await this.render(() =>
          message(
            'success',
            decision === 'agree'
              ? t('pane.agreement.recordedAgree', { council: name, due, year: after.fy })
              : t('pane.agreement.recordedDecline', { council: name, due, year: after.fy }),
          ),
        );
      });
    };
    return h(
      'form',
      {
        class: 'decision',
        'aria-label': t('pane.agreement.formLabel', { council: name }),
        onsubmit: (event) => event.preventDefault(),
      },
      h('label', { for: COMMENT_ID }, this.words.comment),
      comment,
      hint,
      problem,
      h(
        'div',
        { class: 'inline-actions' },
        button('agree', this.words.agree, () => decide('agree'), 'primary'),
        button('decline', this.words.decline, () => decide('decline')),
      ),
    );
  }

  private partnershipView(agreement: Agreement, mayRemind: boolean): HTMLElement[] {
    const fy = agreement.fy;
    const rows = agreement.dues.map((due) => {
      const decided = agreement.decisions.find((d) => d.council === due.council);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, this.ctx.councilName(due.council)),
        h('td', {}, formatPounds(due.duePence)),
        h(
          'td',
          {},
          decided
            ? t('pane.agreement.decidedRow', {
                decision: this.decisions[decided.decision],
                date: ukDateOfInstant(decided.at),
                person: decided.by,
              })
            : this.decisions.awaiting,
          decided?.comment ? h('span', { class: 'comment' }, `“${decided.comment}”`) : null,
        ),
      );
    });
    const table = h(
      'table',
      { class: 'compact decisions' },
      h('caption', {}, t('pane.agreement.caption', { date: ukDateOfInstant(agreement.proposedAt) })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, this.words.council),
          h('th', { scope: 'col' }, this.figures.due(fy)),
          h('th', { scope: 'col' }, this.words.decision),
        ),
      ),
      h('tbody', {}, ...rows),
    );
    const remind =
      mayRemind && agreement.status === 'proposed' && agreement.awaiting.length > 0
        ? this.reminder(agreement)
        : [];
    return [table, ...remind];
  }

  /**
   * A reminder to the councils awaiting, e-mailed by the service to their contacts (with each one's due
   * and where the pane's instructions are); a contact gets one a day however often it is asked for.
   */
  private reminder(agreement: Agreement): HTMLElement[] {
    const { partnership } = this.ctx.session();
    const hasContact = (id: string) => Boolean(partnership.councils.find((c) => c.id === id)?.contactEmail);
    const names = (ids: readonly string[]) => joinedByAnd(ids.map((id) => this.ctx.councilName(id)));
    const reachable = agreement.awaiting.filter(hasContact);
    const withoutContact = agreement.awaiting.filter((id) => !hasContact(id));
    const send = () =>
      this.ctx.run('pane.agreement.title', this.words.sendingReminder, async () => {
        const outcome = await this.ctx.session().api.remind(agreement.id);
        const said = () => [
          ...(outcome.queued.length ? [this.words.reminded(names(outcome.queued))] : []),
          ...(outcome.remindedEarlierToday.length
            ? [this.words.remindedEarlierToday(names(outcome.remindedEarlierToday))]
            : []),
        ];
        await this.render(
          said().length
            ? () => message(outcome.queued.length ? 'success' : 'info', said().join(' '))
            : undefined,
        );
      });
    return [
      reachable.length
        ? h('div', { class: 'inline-actions' }, button('remind', this.words.remind(names(reachable)), send))
        : null,
      withoutContact.length
        ? message('warning', t('pane.agreement.noContact', { councils: names(withoutContact) }))
        : null,
    ].filter((e): e is HTMLElement => e !== null);
  }
}
