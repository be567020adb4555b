import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Runs in a child process: loads the built Electron entry (out/main/index.js) under plain Node with the
 * stand-in for `electron`, fires `ready`, asks the app:// handler for the page and a path outside it, then
 * prints what was recorded as one JSON line and quits the app the way Electron would.
 */
register('./resolve-electron.ts', import.meta.url);
const { app, calls, stand } = await import('./electron-stand-in.ts');

const [entry, userData] = process.argv.slice(2);
if (entry === undefined || userData === undefined) throw new Error('usage: boot-entry.ts ENTRY USER_DATA');
stand.userData = userData;

await import(pathToFileURL(entry).href);
const callsBeforeReady = calls.length;
app.emitReady();

const deadline = Date.now() + 30_000;
while (!calls.some((entryCall) => entryCall.call === 'window.show')) {
  if (Date.now() > deadline) throw new Error('The window was never shown.');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const serve = async (url: string) => {
  const handler = stand.protocolHandlers.get('app');
  if (handler === undefined) return undefined;
  const response = await handler(new Request(url));
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
};

const report = {
  callsBeforeReady,
  calls,
  ipcChannels: stand.ipcChannels,
  page: await serve('app://giftbatch/index.html'),
  outside: await serve('app://giftbatch/..%2fmain%2findex.js'),
  otherHost: await serve('app://elsewhere/index.html'),
};
process.stdout.write(`BOOT-REPORT ${JSON.stringify(report)}\n`);
app.once('quit-done', () => {
  process.exit(0);
});
app.quit();
