// What a Member reads of its proposed due (the pane's agreement view and the proposal e-mail): the due,
// its share and the method with its inputs. For Usage the inputs are the CDO days so far, which the
// snapshot keeps beside each due. Figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../demo/partnership.js';
import { proposalRows } from '../../shared/agreement-breakdown.js';
import { proposal } from './helpers/proposal.js';

describe('a Member’s proposed due and what the method weighed', () => {
  it('Usage: the CDO days so far of the council and of all paying councils', () => {
    const usage = proposal({ ...demoPartnership, costShareMethod: 'Usage' });
    // The demo's CDO time, April and May 2026: Cherwell 5 + 4.5, South Oxfordshire 4 + 5, Vale of White
    // Horse 4 + 3.5, West Oxfordshire 3 + 3; 32 days in all.
    expect(usage.dues.map((d) => [d.council, d.usageDays])).toEqual([
      ['cherwell', 9.5],
      ['south-oxfordshire', 9],
      ['vale-of-white-horse', 7.5],
      ['west-oxfordshire', 6],
    ]);
    // Net 25,917,263 p × 9.5 / 32 = 7,694,187.453: the floor, as the leftover pennies go to West (.8125)
    // and Vale (.515625). 7,694,187 / 25,917,263 = 29.6874…%.
    expect(proposalRows(usage, 'cherwell')).toEqual([
      ['Due for 2026-27', '£76,941.87'],
      ['Share of the net cost', '29.69%'],
      ['Net cost of the year', '£259,172.63'],
      ['Cost-share method', 'Usage'],
      ['Months of membership', '12'],
      ['CDO days so far', '9.5 of 32'],
    ]);
  });

  it('Hybrid: the population of the council and of all paying councils, and no CDO days', () => {
    const hybrid = proposal(demoPartnership);
    expect(hybrid.dues.every((d) => d.usageDays === undefined)).toBe(true);
    // DESIGN §4's worked example: Cherwell 6,944,058 p; 164,200 of 574,400 people.
    expect(proposalRows(hybrid, 'cherwell')).toEqual([
      ['Due for 2026-27', '£69,440.58'],
      ['Share of the net cost', '26.79%'],
      ['Net cost of the year', '£259,172.63'],
      ['Cost-share method', 'Hybrid (50% equal)'],
      ['Months of membership', '12'],
      ['Population', '164,200 of 574,400'],
    ]);
  });
});
