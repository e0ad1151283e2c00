// "Check mine against theirs": rows paired by their sheet's row key, so the user sees what is only
// theirs, only theirs, and different, before choosing what to keep.
import { describe, expect, it } from 'vitest';
import { compareSubmissions } from '../../addin/src/ui/compare.js';
import { demoCouncilSubmission } from '../../demo/submissions.js';

describe('comparing the user’s rows with the newest version', () => {
  it('names rows only mine, only theirs and different, sheet by sheet', () => {
    const theirs = demoCouncilSubmission('cherwell', '2026-10');
    const [first, second, ...rest] = theirs.contributions;
    const skill = theirs.skills[0]!;
    const mine = {
      ...theirs,
      // A different amount on their first row, their second row gone, a person added to Skills.
      contributions: [{ ...first!, amountPence: (first!.amountPence ?? 0) + 100 }, ...rest],
      skills: [...theirs.skills, { ...skill, email: 'new.person@cherwell.example', person: 'New Person' }],
    };
    const byKey = (row: {
      month: string;
      type: string;
      budgetLine: string;
      personEmail?: string;
      reference?: string;
    }) => [row.month, row.type, row.budgetLine, row.personEmail ?? '', row.reference ?? ''].join(' · ');
    const result = compareSubmissions(mine, theirs);
    expect(result.map((c) => c.sheet)).toEqual(['Contributions', 'Skills', 'Projects']);
    expect(result[0]).toEqual({
      sheet: 'Contributions',
      onlyMine: [],
      onlyTheirs: [byKey(second!)],
      different: [byKey(first!)],
    });
    expect(result[1]!.onlyMine).toHaveLength(1);
    expect(result[1]!.onlyMine[0]).toContain('new.person@cherwell.example');
    expect([result[1]!.onlyTheirs, result[1]!.different]).toEqual([[], []]);
    expect(result[2]).toEqual({ sheet: 'Projects', onlyMine: [], onlyTheirs: [], different: [] });
  });
});
