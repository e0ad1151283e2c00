import { describe, expect, it } from 'vitest';
import { consolidate } from '../../shared/consolidate/index.js';
import type { SkillRow } from '../../shared/schemas.js';
import { SKILLS } from '../../shared/vocabulary.js';
import { demoPartnership, record } from './consolidate.fixtures.js';

type RowInput = Partial<SkillRow> & Pick<SkillRow, 'person' | 'email' | 'skill' | 'level' | 'daysPerMonth'>;
const row = (r: RowInput): SkillRow => ({ organisationType: 'Council', organisation: 'A council', ...r });

const alice = { person: 'Alice', email: 'alice@cherwell.gov.uk', organisation: 'Cherwell DC' };
const bob = {
  person: 'Bob',
  email: 'bob@acme.co.uk',
  organisationType: 'SME' as const,
  organisation: 'Acme Ltd',
};

const returns = [
  record('cherwell', '2026-06', {
    skills: [
      row({ ...alice, skill: 'Service design', level: 'Expert', daysPerMonth: 10 }),
      row({ ...alice, skill: 'User research', level: 'Working', daysPerMonth: 10 }),
      row({ ...bob, skill: 'Development', level: 'Practitioner', daysPerMonth: 23 }),
      row({
        person: 'Carol',
        email: 'carol@freelance.net',
        organisationType: 'Freelancer',
        skill: 'Content design',
        level: 'Awareness',
        daysPerMonth: 5,
      }),
      // Ended before the period, and starting after it: both left out.
      row({
        person: 'Dave',
        email: 'dave@cherwell.gov.uk',
        skill: 'Technology architecture',
        level: 'Practitioner',
        daysPerMonth: 8,
        to: '2026-05-31',
      }),
      row({
        person: 'Erin',
        email: 'erin@cherwell.gov.uk',
        skill: 'Delivery management',
        level: 'Practitioner',
        daysPerMonth: 4,
        from: '2026-07-01',
      }),
      // Starting on the period's last day, and ending on its first: both active.
      row({
        person: 'Frank',
        email: 'frank@cherwell.gov.uk',
        skill: 'Delivery management',
        level: 'Working',
        daysPerMonth: 6,
        from: '2026-06-30',
      }),
      row({
        person: 'Helen',
        email: 'helen@cherwell.gov.uk',
        skill: 'Digital inclusion',
        level: 'Working',
        daysPerMonth: 0.5,
        to: '2026-06-01',
      }),
    ],
  }),
  record('south-oxfordshire', '2026-06', {
    skills: [
      row({
        ...alice,
        person: 'Alice Smith',
        email: 'ALICE@Cherwell.gov.uk',
        skill: 'Service design',
        level: 'Practitioner',
        daysPerMonth: 12,
      }),
      row({ ...bob, skill: 'Development', level: 'Practitioner', daysPerMonth: 23 }),
      row({
        person: 'Gina',
        email: 'gina@freelance.net',
        organisationType: 'Freelancer',
        organisation: 'Gina Design',
        skill: 'Service design',
        level: 'Practitioner',
        daysPerMonth: 7,
      }),
    ],
  }),
];

describe('skills coverage', () => {
  const view = consolidate(demoPartnership(), returns, '2026-06');
  const coverage = Object.fromEntries(view.skills.coverage.map(({ skill, ...rest }) => [skill, rest]));

  it('lists all eight skills in vocabulary order, gaps included', () => {
    expect(view.skills.coverage.map((c) => c.skill)).toEqual(SKILLS);
    const gap = { people: 0, practitioners: 0, fte: 0, externalFte: 0, councils: 0, status: 'gap' };
    expect(coverage['Technology architecture']).toEqual(gap); // Dave's row has ended
    expect(coverage['Technology operations']).toEqual(gap);
    expect(coverage['Content design']).toEqual(gap); // Carol is only at Awareness
  });

  it('counts one person listed by two councils once, at the highest level', () => {
    // Alice (Expert, max 12 days → 0.6 FTE) and Gina (Practitioner, 7 days → 0.35, a freelancer).
    expect(coverage['Service design']).toEqual({
      people: 2,
      practitioners: 2,
      fte: 0.95,
      externalFte: 0.35,
      councils: 2,
      status: 'covered',
    });
    // Bob works 23 days a month: FTE is capped at 1, and he is one person in two councils.
    expect(coverage.Development).toEqual({
      people: 1,
      practitioners: 1,
      fte: 1,
      externalFte: 1,
      councils: 2,
      status: 'fragile',
    });
  });

  it('counts Working people but only Practitioners and above towards cover', () => {
    expect(coverage['User research']).toEqual({
      people: 1,
      practitioners: 0,
      fte: 0.6, // Alice's FTE comes from her busiest listing (12 days)
      externalFte: 0,
      councils: 1,
      status: 'gap',
    });
    // Erin starts next month; Frank starts on the last day of the period.
    expect(coverage['Delivery management']).toMatchObject({ people: 1, practitioners: 0, fte: 0.3 });
  });

  it('rounds FTE to two decimals half away from zero', () => {
    expect(coverage['Digital inclusion']).toMatchObject({ people: 1, fte: 0.03 }); // 0.5 / 20 = 0.025
  });

  it('reports differing levels and days per month as conflicts', () => {
    expect(view.skills.conflicts).toEqual([
      {
        email: 'alice@cherwell.gov.uk',
        skill: 'Service design',
        field: 'level',
        values: [
          { council: 'cherwell', value: 'Expert' },
          { council: 'south-oxfordshire', value: 'Practitioner' },
        ],
      },
      {
        email: 'alice@cherwell.gov.uk',
        skill: 'Service design',
        field: 'daysPerMonth',
        values: [
          { council: 'cherwell', value: 10 },
          { council: 'south-oxfordshire', value: 12 },
        ],
      },
    ]);
  });

  it('lists the active people by e-mail with their councils, FTE and skills', () => {
    expect(view.skills.people.map((p) => p.email)).toEqual([
      'alice@cherwell.gov.uk',
      'bob@acme.co.uk',
      'carol@freelance.net',
      'frank@cherwell.gov.uk',
      'gina@freelance.net',
      'helen@cherwell.gov.uk',
    ]);
    expect(view.skills.people[0]).toEqual({
      email: 'alice@cherwell.gov.uk',
      name: 'Alice',
      organisationType: 'Council',
      organisation: 'Cherwell DC',
      councils: ['cherwell', 'south-oxfordshire'],
      fte: 0.6,
      skills: [
        { skill: 'Service design', level: 'Expert', daysPerMonth: 12 },
        { skill: 'User research', level: 'Working', daysPerMonth: 10 },
      ],
    });
    expect(view.skills.people[1]).toMatchObject({ name: 'Bob', organisationType: 'SME', fte: 1 });
  });

  it('does not depend on the order of councils or rows', () => {
    const shuffled = returns
      .map((r) => ({ ...r, data: { ...r.data, skills: [...r.data.skills].reverse() } }))
      .reverse();
    expect(consolidate(demoPartnership(), shuffled, '2026-06').skills).toEqual(view.skills);
  });
});
