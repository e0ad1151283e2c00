// Appends versions to one database from its own process, for the multi-process store test:
//   node --import tsx append-child.ts DATABASE_URL COUNT
import { demoCouncilSubmission } from '../../../demo/submissions.js';
import { openStore } from '../../../server/store/index.js';
import { testActor } from '../../helpers/actors.js';

const [url = '', count = '10'] = process.argv.slice(2);
const store = await openStore(url);
const data = demoCouncilSubmission('cherwell', '2026-10');
for (let i = 0; i < Number(count); i++) {
  const result = await store.appendSubmission({
    council: 'cherwell',
    period: '2026-10',
    data,
    submittedAt: new Date().toISOString(),
    actor: testActor(`process ${process.pid}`),
    source: 'cli',
    receipt: ({ version }) => ({ version }),
  });
  if (result.kind !== 'created') throw new Error(`append ${i}: ${result.kind}`);
}
await store.close();
