// The Excels a council may open the pane in, as the fake office.js plays them. Whether nested app
// authentication is there is separate (a host has the bridge only when signed in to Microsoft 365 and,
// on the web, only for files from SharePoint or OneDrive): the test passes `naa` or not.

export type HostProfileName = 'windows' | 'mac' | 'web';

export interface HostProfile {
  /** Office.context.platform. */
  platform: 'PC' | 'Mac' | 'OfficeOnline';
  /** Office.context.ui.openBrowserWindow (OpenBrowserWindowApi 1.1): desktop only. */
  openBrowserWindow: boolean;
  /** Whether window.open opens a window: in a browser yes; in desktop Office's web views it gives null. */
  windowOpenWorks: boolean;
}

export const HOST_PROFILES: Readonly<Record<HostProfileName, HostProfile>> = {
  windows: { platform: 'PC', openBrowserWindow: true, windowOpenWorks: false },
  mac: { platform: 'Mac', openBrowserWindow: true, windowOpenWorks: false },
  web: { platform: 'OfficeOnline', openBrowserWindow: false, windowOpenWorks: true },
};
