import type { EventChannel, EventPayload } from '../../common/contract/channels.ts';

export type EventListener = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export interface EventHub {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Every event: Electron forwards them to the window, the test bridge to its event stream. */
  subscribe(listener: EventListener): () => void;
  /** One event, with its payload typed. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const createEventHub = (): EventHub => {
  const listeners = new Set<EventListener>();
  const typedListeners = new Map<EventChannel, Set<(payload: never) => void>>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
      for (const listener of typedListeners.get(event) ?? [])
        (listener as (payload: EventPayload<typeof event>) => void)(payload);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on: (event, listener) => {
      const forEvent = typedListeners.get(event) ?? new Set();
      typedListeners.set(event, forEvent);
      forEvent.add(listener);
      return () => forEvent.delete(listener);
    },
  };
};
