import { describe, expect, it } from 'vitest';
import { callChannels, callContract, eventChannels, eventContract, isCallChannel } from './channels.ts';

describe('the IPC contract', () => {
  it('names every call domain:verb(-noun) and every event domain:noun(-past), in the past tense', () => {
    for (const channel of callChannels) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    // An event says what happened: its last word is a past participle ("changed", "progressed").
    for (const event of eventChannels) expect(event).toMatch(/^[a-z]+:([a-z]+-)*[a-z]+ed$/);
  });

  it('gives every call an input and an output schema and a distinct method name', () => {
    const methods = callChannels.map((channel) => callContract[channel].method);
    expect(new Set(methods).size).toBe(methods.length);
    for (const channel of callChannels) {
      expect(typeof callContract[channel].input.safeParse).toBe('function');
      expect(typeof callContract[channel].output.safeParse).toBe('function');
    }
  });

  it('gives every event a payload schema and an on… method that no call uses', () => {
    const callMethods = new Set<string>(callChannels.map((channel) => callContract[channel].method));
    for (const event of eventChannels) {
      expect(eventContract[event].method).toMatch(/^on[A-Z]/);
      expect(callMethods.has(eventContract[event].method)).toBe(false);
    }
  });

  it('recognises only its own channels, not inherited object keys', () => {
    expect(isCallChannel('app:get-info')).toBe(true);
    expect(isCallChannel('app:delete-everything')).toBe(false);
    expect(isCallChannel('toString')).toBe(false);
    expect(isCallChannel('__proto__')).toBe(false);
  });
});
