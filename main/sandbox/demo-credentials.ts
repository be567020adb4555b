/**
 * The sandbox's built-in accounts. They are not secrets: anyone can run the sandbox, and the app's
 * Sandbox environment signs in with them so no vendor account is needed.
 */
export const demoCredentials = {
  email: 'demo@sandbox.giftbatch.app',
  accessToken: 'sandbox-demo-access-token',
} as const;

/** Same access token, but this account has API access disabled: /v1/Tokens answers 403. */
export const disabledCredentials = {
  email: 'disabled@sandbox.giftbatch.app',
  accessToken: 'sandbox-demo-access-token',
} as const;
