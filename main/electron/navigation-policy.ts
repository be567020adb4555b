/**
 * Pure decisions for every way a page could leave the app: in-window navigation stays on our origin,
 * new windows are never opened, and only https links to an allowlisted host go to the system browser.
 */
export const externalLinkHosts: readonly string[] = [
  'developers.giftcardpartners.com',
  'staging-developers.giftcardpartners.com',
];

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

const sameOrigin = (a: URL, b: URL): boolean => a.protocol === b.protocol && a.host === b.host;

export const isInAppNavigation = (targetUrl: string, appUrl: string): boolean => {
  const target = parse(targetUrl);
  const app = parse(appUrl);
  return target !== undefined && app !== undefined && sameOrigin(target, app);
};

export const isAllowedExternalLink = (url: string): boolean => {
  const target = parse(url);
  return (
    target?.protocol === 'https:' &&
    target.username === '' &&
    target.password === '' &&
    target.port === '' &&
    externalLinkHosts.includes(target.hostname)
  );
};
