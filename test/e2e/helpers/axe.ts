// axe-core run in the real pane: WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. axe is evaluated
// through the DevTools protocol, so the pane's Content-Security-Policy (no inline scripts) stays on.
import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Each violation as `rule (impact): target — help`, one per failing element; [] when there is none. */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  // Fluent's controls change colour with a short transition (e.g. when re-enabled after an action):
  // contrast is judged on the colours they settle on.
  await target.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const loaded = await target.evaluate(() => 'axe' in globalThis);
  if (!loaded) await target.evaluate(axe.source);
  const results = await target.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target.join(' ')} — ${v.help}`),
  );
}
