/** Server-sent events read with fetch, which (unlike EventSource) can send the bridge's key header. */
export interface BrowserEventStream {
  addListener(event: string, listener: (data: string) => void): void;
  removeListener(event: string, listener: (data: string) => void): void;
}

/** After a dropped stream (the server restarting), as EventSource would retry. */
const reconnectDelayMs = 1000;

/** Each message is `event: <name>\ndata: <json>` ended by a blank line; comments start with ':'. */
const parseMessage = (block: string): { event: string; data: string } | undefined => {
  let event: string | undefined;
  let data: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data = line.slice('data: '.length);
  }
  return event === undefined || data === undefined ? undefined : { event, data };
};

export const openBrowserEventStream = (url: string, headers: Record<string, string>): BrowserEventStream => {
  const listeners = new Map<string, Set<(data: string) => void>>();
  const deliver = (block: string) => {
    const message = parseMessage(block);
    if (message === undefined) return;
    for (const listener of listeners.get(message.event) ?? []) listener(message.data);
  };

  /** Reads one connection to its end; false when the server refused it, so retrying is pointless. */
  const follow = async (): Promise<boolean> => {
    const response = await fetch(url, { headers, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) return false;
    if (response.body === null) return true;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffered += value;
      let end = buffered.indexOf('\n\n');
      while (end !== -1) {
        deliver(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\n\n');
      }
    }
  };
  const connect = () => {
    follow().then(
      (isWorthRetrying) => {
        if (isWorthRetrying) setTimeout(connect, reconnectDelayMs);
      },
      () => setTimeout(connect, reconnectDelayMs),
    );
  };
  connect();

  return {
    addListener: (event, listener) => {
      const forEvent = listeners.get(event) ?? new Set();
      forEvent.add(listener);
      listeners.set(event, forEvent);
    },
    removeListener: (event, listener) => {
      listeners.get(event)?.delete(listener);
    },
  };
};
