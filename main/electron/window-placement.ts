import type { WindowBounds, WindowState } from '../settings/settings-schema.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** What the window needs to know of a screen: the part not taken by the taskbar, dock or menu bar. */
export type WorkArea = WindowBounds;

/** How much of the window must be on a screen for it to open there: enough to see and grab it. */
const minVisible: Size = { width: 120, height: 40 };

const overlap = (a: WindowBounds, b: WorkArea): Size => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * Where the main window opens: where it was, if enough of it is still on one of the screens (a monitor
 * unplugged since must not leave it out of reach), with its title bar brought below that screen's top and
 * no larger than the screen; else the default size, which Electron centres. Pure, so it is tested without
 * a display.
 */
export const initialWindowBounds = (
  saved: WindowState,
  workAreas: readonly WorkArea[],
  defaultSize: Size,
): Partial<WindowBounds> & Size => {
  const { bounds } = saved;
  if (bounds === null) return defaultSize;
  const screen = workAreas.find((area) => {
    const seen = overlap(bounds, area);
    return (
      seen.width >= Math.min(minVisible.width, bounds.width) &&
      seen.height >= Math.min(minVisible.height, bounds.height)
    );
  });
  if (screen === undefined) return defaultSize;
  return {
    x: bounds.x,
    y: Math.max(bounds.y, screen.y),
    width: Math.min(bounds.width, screen.width),
    height: Math.min(bounds.height, screen.height),
  };
};

/** The slice of BrowserWindow whose state is remembered. */
export interface PlacedWindow {
  isMaximized(): boolean;
  isFullScreen(): boolean;
  /** The bounds the window returns to when it is neither maximised nor full screen. */
  getNormalBounds(): WindowBounds;
}

/** What is saved when the window closes: its normal bounds, so a maximised window un-maximises to them. */
export const windowStateOf = (window: PlacedWindow): WindowState => ({
  bounds: window.getNormalBounds(),
  maximized: window.isMaximized() || window.isFullScreen(),
});
