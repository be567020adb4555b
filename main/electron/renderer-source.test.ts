import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin } from './app-origin.ts';
import { rendererSource } from './renderer-source.ts';

const builtApp = { url: appEntryUrl, trustedOrigins: [appOrigin] };

describe('where the window loads the renderer from', () => {
  it('is the dev server in a development build run unpackaged', () => {
    expect(
      rendererSource({ isDevelopmentBuild: true, isPackaged: false, devServerUrl: 'http://localhost:5173/' }),
    ).toEqual({ url: 'http://localhost:5173/', trustedOrigins: [appOrigin, 'http://localhost:5173'] });
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app and in any built bundle', () => {
    const devServerUrl = 'https://attacker.example/';
    expect(rendererSource({ isDevelopmentBuild: false, isPackaged: true, devServerUrl })).toEqual(builtApp);
    expect(rendererSource({ isDevelopmentBuild: false, isPackaged: false, devServerUrl })).toEqual(builtApp);
    expect(
      rendererSource({ isDevelopmentBuild: true, isPackaged: true, devServerUrl: 'http://localhost:5173/' }),
    ).toEqual(builtApp);
  });

  it('is the built app when no dev server is set', () => {
    expect(rendererSource({ isDevelopmentBuild: true, isPackaged: false, devServerUrl: undefined })).toEqual(
      builtApp,
    );
  });

  it.each(['https://attacker.example/', 'http://192.168.1.5:5173/', 'file:///tmp/index.html', 'not a url'])(
    'ignores a dev server address that is not on this machine: %s',
    (devServerUrl) => {
      expect(rendererSource({ isDevelopmentBuild: true, isPackaged: false, devServerUrl })).toEqual(builtApp);
    },
  );
});
