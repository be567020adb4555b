import { err, ok, type Result } from '../../common/result.ts';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A provider base URL: https, or plain http only on this machine (a local sandbox). No credentials in it. */
export const parseBaseUrl = (input: string): Result<string, string> => {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('Enter the full base URL, for example https://api.example.com.');
  }
  const isLoopback = loopbackHosts.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    return err(
      'The base URL must start with https:// (plain http is allowed only for 127.0.0.1 or localhost).',
    );
  }
  if (url.username !== '' || url.password !== '')
    return err('The base URL must not contain a user name or password.');
  if (url.search !== '' || url.hash !== '') return err('The base URL must not contain a query or fragment.');
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
};
