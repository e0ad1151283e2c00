// What the pane says when Microsoft 365 sign-in does not finish: MSAL's own error objects, as the NAA
// bridge and the dialog produce them, each mapped to its own sentence.
import { AuthError, InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { signInFailure } from '../../addin/src/api/microsoft.js';

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
