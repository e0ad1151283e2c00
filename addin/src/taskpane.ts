// The task pane's entry point: Fluent components, Office's theme, then the pane.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import '@fluentui/web-components/text-input.js';
import { browserStorage } from './api/token-store.js';
import { connectToHost, officeLoaded } from './excel/index.js';
import { officeUnreachableView, Pane } from './ui/pane.js';
import { applyTheme } from './ui/theme.js';

async function main(): Promise<void> {
  const root = document.getElementById('pane');
  const announcer = document.getElementById('announce');
  if (!root || !announcer) return;
  if (!officeLoaded()) {
    applyTheme();
    root.replaceChildren(officeUnreachableView());
    announcer.textContent = root.textContent ?? '';
    return;
  }
  const host = await connectToHost();
  applyTheme(host.theme);
  const { storage, persistent } = browserStorage(() => window.localStorage);
  await new Pane(root, host, { storage, persistent }, window.location.origin, announcer).start();
}

void main();
