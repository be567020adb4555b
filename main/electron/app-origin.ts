/**
 * The packaged renderer is served from a privileged custom scheme instead of file://, so it has a real
 * origin for the sender check and the CSP, and can reach nothing on disk but its own build folder.
 */
export const appScheme = 'app';
export const appHost = 'giftbatch';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;
