// Writes the hostile corpus to a folder, one file per case, with expected.json listing what the service
// must answer to each (route, status, code):
//   node --import tsx test/server/hostile/generate.ts OUT_FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostileCorpus } from './corpus.js';

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('Usage: node --import tsx test/server/hostile/generate.ts OUT_FOLDER');
  process.exit(1);
}
mkdirSync(folder, { recursive: true });
const expected = (await hostileCorpus()).map((c, i) => {
  const file = `${String(i + 1).padStart(2, '0')}-${c.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${c.kind}`;
  writeFileSync(path.join(folder, file), c.body);
  return { file, name: c.name, route: c.route, ...c.expected };
});
writeFileSync(path.join(folder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`Wrote ${expected.length} hostile files and expected.json to ${folder}`);
