import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Runs in a child process: loads the built Electron entry (out/main/index.js) under plain Node with the
 * stand-in for `electron`, fires `ready`, asks the app:// handler for the page and a path outside it, then
 * closes the window as the user would. The app either quits by itself or hides to the tray, whose Quit is
 * then clicked; once it has quit, what was recorded is printed as one JSON line.
 */
register('./resolve-electron.ts', import.meta.url);
const { app, calls, stand } = await import('./electron-stand-in.ts');

const [entry, userData] = process.argv.slice(2);
if (entry === undefined || userData === undefined) throw new Error('usage: boot-entry.ts ENTRY USER_DATA');
stand.userData = userData;

await import(pathToFileURL(entry).href);
const callsBeforeReady = calls.length;
app.emitReady();

const waitFor = async (what: string, done: () => boolean): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Waited in vain: ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
await waitFor('the window shown', () => calls.some((entryCall) => entryCall.call === 'window.show'));

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
const exited = { quit: false };
app.once('quit-done', () => {
  exited.quit = true;
});
const [window] = stand.windows;
if (window === undefined) throw new Error('No window was created.');
window.close();
await waitFor('the app quit or a tray', () => exited.quit || stand.trays.length > 0);
if (!exited.quit) {
  const [tray] = stand.trays;
  tray?.menu.find((item) => item.label?.startsWith('Quit') === true)?.click?.();
  await waitFor('the app quit from its tray', () => exited.quit);
}
process.stdout.write(`BOOT-REPORT ${JSON.stringify(report)}\n`);
process.exit(0);
