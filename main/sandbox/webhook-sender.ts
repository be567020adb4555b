import type { Logger } from '../logging/logger.ts';

/**
 * FulfillmentComplete webhooks (docs/provider-api.md §13.12): POST the order when it settles, no signature,
 * up to 5 retries with exponential backoff. Only loopback URLs are called, so a sandbox can never be
 * used to send requests to other machines.
 */
export interface WebhookSender {
  send(url: string, payload: unknown): void;
  close(): void;
}

const maxRetries = 5;
const attemptTimeoutMs = 5000;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackUrl = (text: string): boolean => {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname);
};

export const createWebhookSender = (logger: Logger, firstRetryDelayMs = 500): WebhookSender => {
  const stopped = new AbortController();
  const isStopped = () => stopped.signal.aborted;
  const retryTimers = new Set<NodeJS.Timeout>();

  const deliver = async (url: string, body: string): Promise<boolean> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.any([stopped.signal, AbortSignal.timeout(attemptTimeoutMs)]),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };

  const attempt = async (url: string, body: string, retry: number): Promise<void> => {
    if (isStopped() || (await deliver(url, body)) || isStopped()) return;
    if (retry >= maxRetries) {
      // The URL is not logged: integrators put secrets in webhook paths.
      logger.warn('sandbox.webhook_gave_up', { attempts: retry + 1 });
      return;
    }
    const timer = setTimeout(
      () => {
        retryTimers.delete(timer);
        void attempt(url, body, retry + 1);
      },
      firstRetryDelayMs * 2 ** retry,
    );
    retryTimers.add(timer);
  };

  return {
    send: (url, payload) => {
      if (!isLoopbackUrl(url)) {
        logger.warn('sandbox.webhook_skipped', { reason: 'only loopback webhook URLs are called' });
        return;
      }
      void attempt(url, JSON.stringify(payload), 0);
    },
    close: () => {
      stopped.abort();
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
    },
  };
};
