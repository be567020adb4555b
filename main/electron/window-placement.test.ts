import { describe, expect, it } from 'vitest';
import { initialWindowBounds, windowStateOf, type WorkArea } from './window-placement.ts';

const laptop: WorkArea = { x: 0, y: 0, width: 1440, height: 870 };
const monitorOnTheRight: WorkArea = { x: 1440, y: -200, width: 2560, height: 1400 };
const defaultSize = { width: 1280, height: 820 };

describe('where the main window opens', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(initialWindowBounds({ bounds: null, maximized: false }, [laptop], defaultSize)).toEqual(
      defaultSize,
    );
  });

  it('opens where it was when that is on a screen', () => {
    const bounds = { x: 1600, y: 0, width: 1500, height: 1000 };
    expect(
      initialWindowBounds({ bounds, maximized: false }, [laptop, monitorOnTheRight], defaultSize),
    ).toEqual(bounds);
  });

  it('opens at the default place when the screen it was on is gone', () => {
    const onUnpluggedMonitor = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(
      initialWindowBounds({ bounds: onUnpluggedMonitor, maximized: false }, [laptop], defaultSize),
    ).toEqual(defaultSize);
  });

  it('keeps a window whose title bar is only partly on screen, but no larger than the screen', () => {
    const hangingOffTheEdge = { x: 1200, y: 100, width: 2000, height: 1200 };
    expect(
      initialWindowBounds({ bounds: hangingOffTheEdge, maximized: false }, [laptop], defaultSize),
    ).toEqual({
      x: 1200,
      y: 100,
      width: 1440,
      height: 870,
    });
  });

  it('brings a title bar above the top of the screen back down', () => {
    const aboveTheTop = { x: 100, y: -30, width: 1000, height: 700 };
    expect(
      initialWindowBounds({ bounds: aboveTheTop, maximized: false }, [laptop], defaultSize),
    ).toMatchObject({
      y: 0,
    });
  });

  it('saves the normal bounds and whether the window was maximised or full screen', () => {
    const normal = { x: 10, y: 20, width: 1000, height: 700 };
    const placed = (maximized: boolean, fullScreen: boolean) => ({
      isMaximized: () => maximized,
      isFullScreen: () => fullScreen,
      getNormalBounds: () => normal,
    });
    expect(windowStateOf(placed(true, false))).toEqual({ bounds: normal, maximized: true });
    expect(windowStateOf(placed(false, true))).toEqual({ bounds: normal, maximized: true });
    expect(windowStateOf(placed(false, false))).toEqual({ bounds: normal, maximized: false });
  });
});
