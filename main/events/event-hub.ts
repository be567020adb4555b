import type { EventChannel, EventPayload } from '../../common/contract/channels.ts';

export type EventListener = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export interface EventHub {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  /** Electron forwards to the window; the test bridge forwards to its server-sent event stream. */
  subscribe(listener: EventListener): () => void;
}

export const createEventHub = (): EventHub => {
  const listeners = new Set<EventListener>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
