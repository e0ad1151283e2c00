// The words people see (DESIGN §2, contract): one glossary in code, used by the pane, both workbooks,
// every e-mail and the CLI. Codes (`pending`, `on-track`, `gap`, `outstandingPence`) stay in JSON and the
// API; wherever a person reads one, it is written with the word here, a figure with its label and its
// one-line explanation, a status in its one colour.
import type { AgreementStatus, Decision } from './agreements.js';
import type { CouncilContribution } from './schemas.js';
import type { CoverageStatus, Rag, ReviewStatus } from './vocabulary.js';

export type CouncilStatus = CouncilContribution['status'];

/** Where a council's return stands with the CDO. */
export const REVIEW_WORDS: Record<ReviewStatus, string> = {
  pending: 'Awaiting review',
  accepted: 'Accepted',
  returned: 'Returned',
};

/** How a council's contributions stand against its due. */
export const COUNCIL_STATUS_WORDS: Record<CouncilStatus, string> = {
  paid: 'Paid for the year',
  'on-track': 'On track',
  behind: 'Behind profile',
};

/** A skill's coverage across the partnership. */
export const SKILL_STATUS_WORDS: Record<CoverageStatus, string> = {
  gap: 'No practitioner',
  fragile: 'One practitioner',
  covered: 'Covered',
};

export interface GlossaryFigure {
  label: string;
  /** The one line shown with the label, for a reader who has not seen the design. */
  explanation: string;
}

/** The contribution figures of the glossary, by their key in the API. */
export const FIGURES = {
  duePence: { label: 'Due for the year', explanation: 'this council’s share of the year’s net cost' },
  profiledDuePence: {
    label: 'Profiled due to date',
    explanation: 'the part of the year’s due expected by the end of this month',
  },
  contributedPence: {
    label: 'Contributed to date',
    explanation: 'cash paid plus in-kind time, to the end of this month',
  },
  outstandingPence: {
    label: 'Still to pay this year',
    explanation: 'what councils have yet to contribute of the year’s due, whether or not it has fallen due',
  },
  arrearsPence: {
    label: 'Behind profile',
    explanation: 'what councils should have contributed by now and have not',
  },
  overpaidPence: {
    label: 'Paid ahead',
    explanation: 'contributed beyond the year’s due; it never reduces what others owe',
  },
  receivedPence: { label: 'Contributed in the month', explanation: 'cash and in-kind dated in this month' },
} as const satisfies Record<string, GlossaryFigure>;

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
export const AGREEMENT_STATUS_WORDS: Record<AgreementStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  superseded: 'Superseded',
};
export const DECISION_WORDS: Record<Decision['decision'] | 'awaiting', string> = {
  agree: 'Agreed',
  decline: 'Declined',
  awaiting: 'Awaiting decision',
};

/** The figures of a Member's proposed due, as the proposal e-mail and the pane show them. */
export const AGREEMENT_FIGURES = {
  due: (fy: string): string => `Due for ${fy}`,
  share: 'Share of the net cost',
  netCost: 'Net cost of the year',
  method: 'Cost-share method',
  months: 'Months of membership',
  population: 'Population',
  fixedShare: 'Fixed share',
  usageDays: 'CDO days so far',
  changeFromLastYear: 'Change from last year',
} as const;

/** The pane's words for the agreement view. */
export const AGREEMENT_WORDS = {
  title: 'Cost-share agreement',
  agree: 'Agree',
  decline: 'Decline',
  comment: 'Comment',
  commentHint:
    'Required to decline; the Chief Digital Officer reads it. Your council may change its decision while the proposal is open.',
  council: 'Council',
  decision: 'Decision',
  remind: 'Send a reminder',
  sendingReminder: 'Sending the reminder…',
  reminded: (names: string): string =>
    `A reminder is on its way by e-mail to ${names}, with each one's due and how to agree or decline.`,
  remindedEarlierToday: (names: string): string =>
    `${names} had a reminder today already; the service sends one a day, so nothing more was sent.`,
} as const;

/** The pane's words for the consolidated view's headline figures (the figures' own labels are FIGURES'). */
export const HEADLINE_WORDS = {
  title: (month: string): string => `Headline figures, ${month}`,
  figure: 'Figure',
  amount: 'Amount',
} as const;
