import { app, session, shell } from 'electron';
import { isAllowedExternalLink, isInAppNavigation } from './navigation-policy.ts';

/**
 * Applies the navigation policy to every web contents the app ever creates: no navigation away from
 * our origin, no new windows, no webviews, and every permission request denied.
 */
export const hardenWebContents = (appUrl: () => string): void => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isInAppNavigation(url, appUrl())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isInAppNavigation(url, appUrl())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
};
