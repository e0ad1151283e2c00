// What the pane says when Microsoft 365 sign-in does not finish: MSAL's own error objects, as the NAA
// bridge and the dialog produce them, each mapped to its own sentence.
import { AuthError, InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { browserStorage } from '../../addin/src/api/token-store.js';
import { signInFailure } from '../../addin/src/api/microsoft.js';
import { signInDialogAddress, signInDialogLocale } from '../../addin/src/api/sign-in-dialog.js';

describe('sign-in failures', () => {
  it('tells cancelled, interaction required, consent required and other failures apart', () => {
    const said = (error: unknown) => {
      const failure = signInFailure(error);
      return [failure.reason, failure.message];
    };
    // The NAA bridge's USER_CANCEL (ClientAuthError user_canceled) and a closed dialog (user_cancelled).
    expect(said(new AuthError('user_canceled', ''))).toEqual([
      'cancelled',
      'Sign-in was cancelled. Select Sign in with Microsoft 365 to try again, or connect with an access token.',
    ]);
    expect(said(Object.assign(new Error('closed'), { errorCode: 'user_cancelled' }))[0]).toBe('cancelled');
    expect(said(new InteractionRequiredAuthError('consent_required', 'AADSTS65001'))).toEqual([
      'consent-required',
      'Your organisation has not allowed Shared CDO to use your Microsoft 365 sign-in yet. Ask your Microsoft 365 administrator to grant consent to the Shared CDO app, or connect with an access token.',
    ]);
    expect(said(new InteractionRequiredAuthError('interaction_required', ''))[0]).toBe(
      'interaction-required',
    );
    expect(said(new InteractionRequiredAuthError('login_required', ''))[0]).toBe('interaction-required');
    expect(said(new Error('network down'))).toEqual([
      'failed',
      'Microsoft 365 sign-in did not finish. Try again, or connect with an access token. (network down)',
    ]);
  });
});

describe('the sign-in dialog’s language', () => {
  const dialog = '/addin/taskpane.html?sign-in=dialog';

  it('is named in the dialog’s address for Welsh; English, the page’s own, is not named', () => {
    expect(signInDialogAddress(dialog, 'cy')).toBe(`${dialog}&lang=cy`);
    expect(signInDialogAddress(dialog, 'en')).toBe(dialog);
  });

  it('is the one the address names, and is kept for the page Microsoft sends back without it', () => {
    const session = browserStorage(() => {
      throw new Error('no storage');
    }).storage;
    expect(signInDialogLocale({ search: '?sign-in=dialog&lang=cy' }, session)).toBe('cy');
    // MSAL's redirect comes back to the page's bare address.
    expect(signInDialogLocale({ search: '' }, session)).toBe('cy');
    expect(signInDialogLocale({ search: '?sign-in=dialog&lang=en' }, session)).toBe('en');
    expect(signInDialogLocale({ search: '' }, session)).toBe('en');
    // A language the pane does not speak is no language: the one kept stands.
    signInDialogLocale({ search: '?sign-in=dialog&lang=cy' }, session);
    expect(signInDialogLocale({ search: '?sign-in=dialog&lang=fr' }, session)).toBe('cy');
  });

  it('is English when nothing names it', () => {
    const session = browserStorage(() => {
      throw new Error('no storage');
    }).storage;
    expect(signInDialogLocale({ search: '?sign-in=dialog' }, session)).toBe('en');
  });
});
