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
  /**
   * Office.context.displayLanguage: "the locale (language) specified by the user for the UI of the
   * Office application", a language tag such as en-US, set in File > Options > Language on the
   * desktop (Microsoft Learn, "Office.Context interface", displayLanguage:
   * https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-displaylanguage-member).
   * A council's Excel in the UK shows en-GB; one with the Welsh language pack, cy-GB.
   */
  displayLanguage: string;
}

export const HOST_PROFILES: Readonly<Record<HostProfileName, HostProfile>> = {
  windows: { platform: 'PC', openBrowserWindow: true, windowOpenWorks: false, displayLanguage: 'en-GB' },
  mac: { platform: 'Mac', openBrowserWindow: true, windowOpenWorks: false, displayLanguage: 'en-GB' },
  web: {
    platform: 'OfficeOnline',
    openBrowserWindow: false,
    windowOpenWorks: true,
    displayLanguage: 'en-GB',
  },
};
