// A large partnership's roll-up lists at most LISTED_LINES of any one list and says how many more the
// attached workbook holds: 400 councils of 500 projects once made a 30 MB e-mail, more than mail servers
// accept. Shown with Cherwell's March return carrying 45 overdue projects of its own.
import { describe, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { LISTED_LINES, renderRollupEmail } from '../../../server/mail/rollup-email.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { demoRecords } from './demo-records.js';

const records = demoRecords({ hostile: false });
const cherwell = records.find((r) => r.council === 'cherwell')!;
const template = cherwell.data.projects.find((p) => p.phase === 'Beta' && p.lead === 'cherwell')!;
// Due in January 2027 and still in Beta at the end of March: overdue, each led by Cherwell alone.
const late = Array.from({ length: 45 }, (_, i) => ({
  ...template,
  id: `LATE-${String(i + 1).padStart(2, '0')}`,
  title: `Late project ${i + 1}`,
  due: '2027-01-31',
  partners: [],
}));
cherwell.data.projects = [...cherwell.data.projects, ...late];
const view = consolidate(demoPartnership, records, '2027-03');
const overdue = view.projects.items.filter((p) => p.overdue);

describe('long lists in the roll-up', () => {
  it('lists the first 30 overdue projects and says how many more the workbook lists, in HTML and text', () => {
    expect(LISTED_LINES).toBe(30);
    // The demo's own overdue projects and the 45 late ones.
    expect(overdue.length).toBeGreaterThanOrEqual(45);
    const more = overdue.length - 30;
    const { html, text, subject } = renderRollupEmail(view, []);
    expect(subject).toContain('March 2027');
    expect(text).toContain(`Overdue projects (${overdue.length})`);
    const section = text.slice(text.indexOf(`Overdue projects (${overdue.length})`));
    const lines = section.split('\n');
    const bullets = lines
      .slice(2)
      .filter((l, i, all) => l.startsWith('- ') && all.slice(0, i).every((x) => x.startsWith('- ')));
    expect(bullets).toHaveLength(30);
    expect(lines[2 + 30]).toBe(`And ${more} more, all listed in the attached consolidated workbook.`);
    expect(html).toContain(`And ${more} more, all listed in the attached consolidated workbook.`);
    // The 31st overdue project is not named in either part; the 30th is.
    expect(text).toContain(`${overdue[29]!.id} ${overdue[29]!.title}`);
    expect(text).not.toContain(`${overdue[30]!.id} ${overdue[30]!.title}`);
    expect(html).not.toContain(`<strong>${overdue[30]!.id}</strong>`);
  });

  it('says it in Welsh in a Welsh part', () => {
    const { text } = renderRollupEmail(view, [], 'Cymraeg');
    expect(text).toContain(
      `A ${overdue.length - 30} arall, pob un wedi’i restru yn y gweithlyfr cyfunol sydd wedi’i atodi.`,
    );
    expect(text).not.toContain('all listed in the attached');
  });
});
