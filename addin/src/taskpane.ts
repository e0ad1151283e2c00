// The task pane's entry point: Fluent components, Office's theme, then the pane.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/field.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/spinner.js';
import '@fluentui/web-components/text-input.js';
import { connectToHost } from './excel/index.js';
import { Pane } from './ui/pane.js';
import { applyTheme } from './ui/theme.js';

async function main(): Promise<void> {
  const host = await connectToHost();
  applyTheme(host.theme);
  const root = document.getElementById('pane');
  if (!root) return;
  await new Pane(root, host, window.localStorage, window.location.origin).start();
}

void main();
