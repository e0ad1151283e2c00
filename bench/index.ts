// `npm run bench [SECTION...]`: runs the named sections, all by default, and prints one table each.
// A section is a BenchSection (bench/report.ts) in its own module, listed below.
import { foundation } from './foundation.js';
import { hostile } from './hostile.js';
import { printTable, type BenchSection } from './report.js';
import { service } from './service.js';

const SECTIONS: readonly BenchSection[] = [foundation, service, hostile];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length) {
  console.error(
    `Unknown section ${unknown.join(', ')}; the sections are: ${SECTIONS.map((s) => s.name).join(', ')}.`,
  );
  process.exit(2);
}

let allMet = true;
for (const section of SECTIONS.filter((s) => !wanted.length || wanted.includes(s.name))) {
  console.log(`Running ${section.name}: ${section.description} …`);
  const rows = await section.run();
  printTable(`${section.name}: ${section.description}`, rows);
  allMet &&= rows.every((r) => r.met);
}
console.log(allMet ? '\nAll targets met.' : '\nSome targets were NOT met (see "Met").');
