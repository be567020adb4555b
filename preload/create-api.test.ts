import { describe, expect, it } from 'vitest';
import { callChannels, callContract, eventChannels, eventContract } from '../common/contract/channels.ts';
import { appError } from '../common/errors.ts';
import { err } from '../common/result.ts';
import { createGiftBatchApi } from './create-api.ts';

const recordingTransport = () => {
  const invoked: { channel: string; input: unknown }[] = [];
  const subscribed: string[] = [];
  const unsubscribed: string[] = [];
  const api = createGiftBatchApi({
    invoke: (channel, input) => {
      invoked.push({ channel, input });
      return Promise.resolve(err(appError('internal', 'recorded, not sent')));
    },
    subscribe: (event) => {
      subscribed.push(event);
      return () => unsubscribed.push(event);
    },
  });
  return { api, invoked, subscribed, unsubscribed };
};

describe('window.giftbatch as preload exposes it', () => {
  it('has exactly one method per contract call and event, and nothing else', () => {
    const { api } = recordingTransport();
    const expected = [
      ...callChannels.map((channel) => callContract[channel].method),
      ...eventChannels.map((event) => eventContract[event].method),
    ].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(Object.keys(api)).not.toContain('invoke');
  });

  it('sends each call method to its own channel', async () => {
    const { api, invoked } = recordingTransport();
    await api.getAppInfo();
    expect(invoked).toEqual([{ channel: 'app:get-info', input: undefined }]);
  });

  it('subscribes each on… method to its own event and unsubscribes it', () => {
    const { api, subscribed, unsubscribed } = recordingTransport();
    const stop = api.onAppNotice(() => undefined);
    expect(subscribed).toEqual(['app:notice-posted']);
    stop();
    expect(unsubscribed).toEqual(['app:notice-posted']);
  });
});
