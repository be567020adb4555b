import type { BrowserWindow } from 'electron';
import type { EventHub } from '../events/event-hub.ts';

/** Pushes every contract event to the window; nothing else is ever sent to the renderer. */
export const forwardEvents = (events: EventHub, window: BrowserWindow): (() => void) =>
  events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
