// Sends one corpus case to a running service, the way a client would, and reads back what it answered.
import { HOSTILE_COUNCIL, HOSTILE_PERIOD, type HostileCase } from './corpus.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The status and code answered (for a 422 with problems, the first problem's code; for 201, "created"). */
export async function sendCase(
  url: string,
  tokens: { council: string; cdo: string },
  c: HostileCase,
): Promise<{ status: number; code: string }> {
  const path =
    c.route === 'submission'
      ? `/api/v1/councils/${HOSTILE_COUNCIL}/submissions?period=${HOSTILE_PERIOD}`
      : '/api/v1/partnership';
  const response = await fetch(`${url}${path}`, {
    method: c.route === 'submission' ? 'POST' : 'PUT',
    headers: {
      authorization: `Bearer ${c.route === 'submission' ? tokens.council : tokens.cdo}`,
      'content-type': c.kind === 'json' ? 'application/json' : XLSX,
    },
    body: new Uint8Array(c.body),
  });
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code: string };
    errors?: { code: string }[];
  };
  const code =
    response.status === 201 ? 'created' : (body.error?.code ?? body.errors?.[0]?.code ?? 'no code');
  return { status: response.status, code };
}
