// The roll-up as the board receives it: sent through a real SMTP server and parsed back with mailparser;
// from an outbox on SQLite and on PostgreSQL.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPartnership } from '../../../demo/partnership.js';
import { consolidate } from '../../../shared/consolidate/index.js';
import { formatPounds } from '../../../shared/money.js';
import { buildRollup, type RollupBuild } from '../../../server/mail/messages.js';
import { zipParts } from '../../helpers/xlsx.js';
import { enqueueMail, outboxRows, OutboxWorker } from '../../../server/mail/outbox.js';
import type { MailTables } from '../../../server/store/mail-tables.js';
import { smtpTransport } from '../../../server/mail/transport.js';
import { demoRecords, HOSTILE_TITLE } from './demo-records.js';
import { openMailDb } from './mail-db.js';
import { describeStores, freshDatabaseUrl } from '../../helpers/databases.js';
import { startTestSmtp, type TestSmtp } from './smtp-harness.js';

const FROM = 'Shared CDO <shared-cdo@oxfordshire-districts.example>';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let smtp: TestSmtp;
let db: Kysely<MailTables>;
let build: RollupBuild;
let received: { to: string[]; mail: ParsedMail }[];

// The roll-up is built once (its charts take a while); each store sends it through its own outbox.
beforeAll(async () => {
  build = await buildRollup(
    demoPartnership,
    consolidate(demoPartnership, demoRecords({ hostile: true }), '2027-03'),
    { from: FROM },
  );
});

const rollups = () => received.filter((r) => r.mail.subject?.startsWith('Shared CDO roll-up'));
const statements = () =>
  received.filter((r) => r.mail.subject?.startsWith('Shared CDO contribution statement'));

describeStores('monthly roll-up e-mail', (kind) => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    db = await openMailDb(await freshDatabaseUrl(kind));
    await enqueueMail(db, build.messages);
    const worker = new OutboxWorker(db, smtpTransport(smtp.url));
    await worker.runOnce();
    await worker.stop();
    received = await Promise.all(
      smtp.deliveries.map(async (d) => ({
        to: d.to,
        mail: await simpleParser(d.raw, { skipImageLinks: true }),
      })),
    );
  });

  afterAll(async () => {
    await db.destroy();
    await smtp.close();
  });

  it('names no one in its text: skills gaps name skills, and the people behind the figures stay in the workbook', () => {
    // DESIGN §11: the least personal data in e-mails. Everyone the returns name, by name and address.
    const people = demoRecords({ hostile: false }).flatMap((r) => [
      ...r.data.skills.flatMap((s) => [s.person, s.email]),
      // A project owned by "CDO" is owned by the role, which the e-mail may well name.
      ...r.data.projects.flatMap((p) => (p.owner && p.owner !== 'CDO' ? [p.owner] : [])),
    ]);
    expect(people).toContain('Marcus Reid');
    for (const { mail } of rollups())
      for (const person of new Set(people)) {
        expect(mail.text, person).not.toContain(person);
        expect(String(mail.html), person).not.toContain(person);
      }
  });

  it('goes once to each roll-up recipient with the exact subject', () => {
    expect(rollups().map((r) => r.to)).toEqual(demoPartnership.rollupRecipients.map((a) => [a]));
    for (const { mail } of rollups()) {
      expect(mail.subject).toBe(
        'Shared CDO roll-up — March 2027 — Oxfordshire Districts Digital Partnership',
      );
      expect(mail.from?.text).toContain('shared-cdo@oxfordshire-districts.example');
      expect(mail.messageId).toMatch(/^<shared-cdo\.rollup\.2027-03\./);
    }
  });

  it('has an HTML body without scripts or external images, with council text escaped', () => {
    const html = String(rollups()[0]!.mail.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/src="https?:/i);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bins &amp; &lt;b&gt;recycling&lt;/b&gt;',
    );
    expect(html).toContain('Oxfordshire Districts Digital Partnership');
  });

  it('embeds the charts as inline PNGs referenced by cid: from the HTML', () => {
    const { mail } = rollups()[0]!;
    const html = String(mail.html);
    const images = mail.attachments.filter((a) => a.contentType === 'image/png');
    // Contributions by council, projects by phase and RAG, the year's trend and projects by RAG month by month.
    expect(images).toHaveLength(4);
    expect(html).toContain('src="cid:chart-trend"');
    expect(html).toContain('src="cid:chart-rag-trend"');
    for (const image of images) {
      expect(image.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(image.related || image.contentDisposition === 'inline').toBe(true);
      expect(html).toContain(`src="cid:${image.cid}"`);
    }
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids.sort()).toEqual(images.map((i) => i.cid).sort());
  });

  it('says what changed since the month before right after the headline figures, in both parts', () => {
    const { mail } = rollups()[0]!;
    const { changes } = build.view;
    expect(changes.since).toBe('2027-02');
    const text = mail.text ?? '';
    const section = text.slice(text.indexOf('Since February 2027'), text.indexOf('Contributions by council'));
    expect(text.indexOf('Headline figures')).toBeLessThan(text.indexOf('Since February 2027'));
    // No return of Cherwell's or Vale's counted for February: theirs are first returns, named as such,
    // and their projects are not news.
    expect(changes.firstReturns).toEqual(['cherwell', 'vale-of-white-horse']);
    expect(changes.projects).toEqual([]);
    expect(section).toContain('First returns:');
    for (const name of ['Cherwell District Council', 'Vale of White Horse District Council'])
      expect(section).toMatch(new RegExp(`${name}: first return of 2026-27, £[\\d,.]+ contributed to date`));
    expect(section).not.toMatch(/New projects/);
    const names = new Map(build.view.contributions.councils.map((c) => [c.council, c.name]));
    for (const c of changes.contributions) {
      const line = `${names.get(c.council)}: ${formatPounds(c.receivedPence)}`;
      if (c.receivedPence > 0) expect(section).toContain(line);
      else expect(section).not.toContain(`${names.get(c.council)}: £`);
    }
    const html = String(mail.html);
    const sinceAt = html.indexOf('Since February 2027');
    expect(sinceAt).toBeGreaterThan(html.indexOf('Headline figures'));
    expect(sinceAt).toBeLessThan(html.indexOf('Contributions by council'));
    expect(html).toContain('<strong>First returns</strong>');
    expect(html).toContain('<strong>Contributed in the month</strong>');
  });

  it('states the headline figures and per-council table from the consolidated view in the text part', () => {
    const text = rollups()[0]!.mail.text ?? '';
    const { contributions, projects, dataQuality } = build.view;
    const outstanding = contributions.councils.reduce((t, c) => t + Math.max(0, c.balancePence), 0);
    expect(contributions.totals.outstandingPence).toBe(outstanding);
    expect(text).toContain(`Net cost this year:      ${formatPounds(contributions.netCostPence)} (Budget`);
    expect(text).toContain(
      `Contributed to date:     ${formatPounds(contributions.totals.contributedPence)} (Cash paid plus in-kind time, to the end of this month. Against profiled due to date of ${formatPounds(contributions.totals.profiledDuePence)}.)`,
    );
    expect(text).toContain(`Still to pay this year:  ${formatPounds(outstanding)}`);
    const arrears = contributions.councils.reduce(
      (t, c) => t + Math.max(0, c.profiledDuePence - c.contributedPence),
      0,
    );
    expect(text).toContain(`Behind profile:          ${formatPounds(arrears)}`);
    for (const c of contributions.councils) {
      const line = text.split('\n').find((l) => l.startsWith(c.name));
      expect(line, c.name).toBeDefined();
      for (const pence of [c.duePence, c.profiledDuePence, c.contributedPence, c.balancePence]) {
        expect(line).toContain(formatPounds(pence));
      }
    }
    expect(text).toContain(`${projects.totals.count} projects: ${projects.byRag.Red ?? 0} Red`);
    expect(text).toContain(`Overdue projects (${projects.totals.overdue})`);
    for (const p of projects.items.filter((i) => i.overdue)) expect(text).toContain(`${p.id} ${p.title}`);
    for (const s of build.view.skills.coverage.filter((c) => c.status === 'gap'))
      expect(text).toContain(s.skill);
    expect(dataQuality.carriedForward).toEqual([{ council: 'west-oxfordshire', from: '2027-02' }]);
    expect(dataQuality.missing).toEqual(['south-oxfordshire']);
    expect(text).toContain('Missing: South Oxfordshire District Council.');
    expect(text).toContain(
      'Carried forward from an earlier month: West Oxfordshire District Council (using February 2027)',
    );
    expect(text).toContain(HOSTILE_TITLE.slice(0, 20));
    // The HTML states the same money figures.
    const html = String(rollups()[0]!.mail.html);
    for (const c of contributions.councils) expect(html).toContain(formatPounds(c.balancePence));
  });

  it('attaches the consolidated workbook, whose totals equal the consolidated view and which carries the charts', async () => {
    const { mail } = rollups()[0]!;
    const xlsx = mail.attachments.find((a) => a.filename === 'shared-cdo-consolidated-2027-03.xlsx');
    expect(xlsx?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx!.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contributions')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (header: string) => headers.indexOf(header);
    const sumPence = (header: string) => {
      let total = 0;
      sheet.eachRow((row, n) => {
        if (n > 1) total += Math.round(Number(row.getCell(column(header)).value) * 100);
      });
      return total;
    };
    const totals = build.view.contributions.totals;
    expect(sumPence('Due for the year (£)')).toBe(totals.duePence);
    expect(sumPence('Due for the year (£)')).toBe(build.view.contributions.netCostPence);
    expect(sumPence('Contributed to date (£)')).toBe(totals.contributedPence);
    expect(sumPence('Balance (£)')).toBe(totals.outstandingPence - totals.overpaidPence);
    // Native charts drawn from its own tables, not pictures.
    const parts = await zipParts(xlsx!.content);
    const charts = [...parts.keys()].filter((name) => name.startsWith('xl/charts/'));
    expect(charts).toHaveLength(4);
    expect([...parts.keys()].some((name) => name.startsWith('xl/media/'))).toBe(false);
  });

  it("sends each Member's contact a statement of its due, profiled due, contributed and balance", () => {
    const members = demoPartnership.councils.filter((c) => c.membership === 'Member');
    expect(
      statements()
        .map((s) => s.to[0])
        .sort(),
    ).toEqual(members.map((m) => m.contactEmail).sort());
    for (const member of members) {
      const { mail } = statements().find((s) => s.to[0] === member.contactEmail)!;
      const row = build.view.contributions.councils.find((c) => c.council === member.id)!;
      expect(mail.subject).toBe(
        'Shared CDO contribution statement — March 2027 — Oxfordshire Districts Digital Partnership',
      );
      for (const pence of [row.duePence, row.profiledDuePence, row.contributedPence, row.balancePence]) {
        expect(mail.text).toContain(formatPounds(pence));
        expect(String(mail.html)).toContain(formatPounds(pence));
      }
      // A council sees only its own figures.
      for (const other of build.view.contributions.councils.filter((c) => c.council !== member.id)) {
        expect(mail.text).not.toContain(other.name);
      }
    }
  });

  it('a second run for the same period sends nothing', async () => {
    const before = smtp.deliveries.length;
    const again = await buildRollup(
      demoPartnership,
      consolidate(demoPartnership, demoRecords({ hostile: true }), '2027-03'),
      {
        from: FROM,
      },
    );
    expect(await enqueueMail(db, again.messages)).toBe(0);
    const worker = new OutboxWorker(db, smtpTransport(smtp.url));
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    await worker.stop();
    expect(smtp.deliveries).toHaveLength(before);
    expect((await outboxRows(db)).every((r) => r.status === 'sent')).toBe(true);
  });
});
