/** Routes of the test bridge, outside anything the renderer's own build could serve. */
export const bridgeScriptPath = '/__bridge/browser-bridge.js';
export const bridgeCallPath = '/__bridge/call';
export const bridgeEventsPath = '/__bridge/events';

/** The page URL's query parameter that carries the run's access key, once, to the injected bridge. */
export const bridgeKeyParam = 'key';
/** The request header the injected bridge sends the access key in, on every call and the event stream. */
export const bridgeKeyHeader = 'x-giftbatch-bridge-key';
