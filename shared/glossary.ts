// The words people see (DESIGN §2, contract): one glossary in code, used by the pane, both workbooks,
// every e-mail and the CLI. Codes (`pending`, `on-track`, `gap`, `outstandingPence`) stay in JSON and the
// API; wherever a person reads one, it is written with the word here, a figure with its label and its
// one-line explanation, a status in its one colour. The words themselves are the message catalogue's
// (shared/i18n, DESIGN §12), in English or in Welsh.
import type { AgreementStatus, Decision } from './agreements.js';
import type { CouncilContribution } from './schemas.js';
import { message, type Locale, type PlainKey } from './i18n/index.js';
import type { CoverageStatus, Rag, ReviewStatus } from './vocabulary.js';

export type CouncilStatus = CouncilContribution['status'];

/** Where a council's return stands with the CDO. */
export const reviewWords = (locale: Locale): Record<ReviewStatus, string> => ({
  pending: message(locale, 'review.pending'),
  accepted: message(locale, 'review.accepted'),
  returned: message(locale, 'review.returned'),
});

/** How a council's contributions stand against its due. */
export const councilStatusWords = (locale: Locale): Record<CouncilStatus, string> => ({
  paid: message(locale, 'councilStatus.paid'),
  'on-track': message(locale, 'councilStatus.onTrack'),
  behind: message(locale, 'councilStatus.behind'),
});

/** A skill's coverage across the partnership. */
export const skillStatusWords = (locale: Locale): Record<CoverageStatus, string> => ({
  gap: message(locale, 'skillStatus.gap'),
  fragile: message(locale, 'skillStatus.fragile'),
  covered: message(locale, 'skillStatus.covered'),
});

export const REVIEW_WORDS = reviewWords('en');
export const COUNCIL_STATUS_WORDS = councilStatusWords('en');
export const SKILL_STATUS_WORDS = skillStatusWords('en');

export interface GlossaryFigure {
  label: string;
  /** The one line shown with the label, for a reader who has not seen the design. */
  explanation: string;
}

const figure = (locale: Locale, label: PlainKey, explanation: PlainKey): GlossaryFigure => ({
  label: message(locale, label),
  explanation: message(locale, explanation),
});

/** The contribution figures of the glossary, by their key in the API. */
export const glossaryFigures = (locale: Locale) =>
  ({
    duePence: figure(locale, 'figure.due.label', 'figure.due.explanation'),
    profiledDuePence: figure(locale, 'figure.profiledDue.label', 'figure.profiledDue.explanation'),
    contributedPence: figure(locale, 'figure.contributed.label', 'figure.contributed.explanation'),
    outstandingPence: figure(locale, 'figure.outstanding.label', 'figure.outstanding.explanation'),
    arrearsPence: figure(locale, 'figure.arrears.label', 'figure.arrears.explanation'),
    overpaidPence: figure(locale, 'figure.overpaid.label', 'figure.overpaid.explanation'),
    receivedPence: figure(locale, 'figure.received.label', 'figure.received.explanation'),
  }) satisfies Record<string, GlossaryFigure>;

export const FIGURES = glossaryFigures('en');

/** An explanation as a sentence of its own: capital first, full stop last. */
export const asSentence = (explanation: string): string =>
  `${explanation.charAt(0).toUpperCase()}${explanation.slice(1)}.`;

/**
 * One colour per status (GOV.UK palette, `RRGGBB`), for the workbook's cells and the e-mail's labels
 * alike: each carries white bold text at a contrast of at least 4.5:1.
 */
const GREEN = '00703C';
const BLUE = '1D70B8';
const RED = 'D4351C';
const ORANGE = 'B35000';
const GREY = '505A5F';

export const COUNCIL_STATUS_COLOURS: Record<CouncilStatus, string> = {
  paid: GREEN,
  'on-track': BLUE,
  behind: RED,
};
export const SKILL_STATUS_COLOURS: Record<CoverageStatus, string> = {
  covered: GREEN,
  fragile: ORANGE,
  gap: RED,
};
export const REVIEW_COLOURS: Record<ReviewStatus, string> = {
  accepted: GREEN,
  pending: GREY,
  returned: RED,
};
export const RAG_COLOURS: Record<Rag, string> = { Red: RED, Amber: ORANGE, Green: GREEN };

/** A year's agreement of cost shares (DESIGN §10): where it stands, and each council's decision. */
export const agreementStatusWords = (locale: Locale): Record<AgreementStatus, string> => ({
  proposed: message(locale, 'agreementStatus.proposed'),
  agreed: message(locale, 'agreementStatus.agreed'),
  superseded: message(locale, 'agreementStatus.superseded'),
});
export const decisionWords = (locale: Locale): Record<Decision['decision'] | 'awaiting', string> => ({
  agree: message(locale, 'decision.agree'),
  decline: message(locale, 'decision.decline'),
  awaiting: message(locale, 'decision.awaiting'),
});
export const AGREEMENT_STATUS_WORDS = agreementStatusWords('en');
export const DECISION_WORDS = decisionWords('en');

/** The figures of a Member's proposed due, as the proposal e-mail and the pane show them. */
export const agreementFigures = (locale: Locale) =>
  ({
    due: (fy: string): string => message(locale, 'statement.dueFor', { year: fy }),
    share: message(locale, 'year.share'),
    netCost: message(locale, 'year.netCost'),
    method: message(locale, 'year.method'),
    months: message(locale, 'year.monthsOfMembership'),
    population: message(locale, 'year.population'),
    fixedShare: message(locale, 'year.fixedShare'),
    usageDays: message(locale, 'year.usageDays'),
    changeFromLastYear: message(locale, 'year.changeFromLastYear'),
  }) as const;

export const AGREEMENT_FIGURES = agreementFigures('en');

/** The pane's words for the agreement view, in English or in Welsh. */
export const agreementWords = (locale: Locale) =>
  ({
    title: message(locale, 'pane.agreement.title'),
    agree: message(locale, 'pane.agreement.agree'),
    decline: message(locale, 'pane.agreement.decline'),
    comment: message(locale, 'pane.agreement.comment'),
    commentHint: message(locale, 'pane.agreement.commentHint'),
    council: message(locale, 'pane.agreement.council'),
    decision: message(locale, 'pane.agreement.decision'),
    remind: (names: string): string => message(locale, 'pane.agreement.remind', { names }),
    sendingReminder: message(locale, 'pane.agreement.sendingReminder'),
    reminded: (names: string): string => message(locale, 'pane.agreement.reminded', { names }),
    remindedEarlierToday: (names: string): string =>
      message(locale, 'pane.agreement.remindedEarlierToday', { names }),
  }) as const;

export const AGREEMENT_WORDS = agreementWords('en');

/** The pane's words for the consolidated view's headline figures (the figures' own labels are FIGURES'). */
export const headlineWords = (locale: Locale) =>
  ({
    title: (month: string): string => message(locale, 'pane.headline.title', { month }),
    figure: message(locale, 'pane.headline.figure'),
    amount: message(locale, 'pane.headline.amount'),
  }) as const;
