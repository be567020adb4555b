import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options.ts';

describe('the main window options', () => {
  const { webPreferences } = mainWindowOptions('/app/out/preload/index.cjs');

  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and webviews, insecure content and experimental features off', () => {
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads only our own preload script', () => {
    expect(webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });
});
