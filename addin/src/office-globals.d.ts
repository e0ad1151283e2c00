// The task pane runs inside Office, which provides the `Office` and `Excel` globals from office.js
// (loaded from Microsoft's CDN by taskpane.html, never bundled).
/// <reference types="office-js" />
