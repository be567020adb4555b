/** Routes of the test bridge, outside anything the renderer's own build could serve. */
export const bridgeScriptPath = '/__bridge/browser-bridge.js';
export const bridgeCallPath = '/__bridge/call';
export const bridgeEventsPath = '/__bridge/events';
