// Follows Office's theme: Fluent's dark or light tokens by the brightness of Office's background, and
// Office's own background and text colours on the page.
import { setTheme } from '@fluentui/web-components';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? 'ff', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function applyTheme(theme?: { background: string; foreground: string }): void {
  const dark = theme ? luminance(theme.background) < 0.5 : false;
  setTheme(dark ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  if (theme) {
    document.body.style.setProperty('--office-background', theme.background);
    document.body.style.setProperty('--office-foreground', theme.foreground);
  }
}
