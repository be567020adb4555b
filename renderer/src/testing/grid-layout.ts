/** jsdom lays nothing out; react-data-grid needs a size and ResizeObserver to render its rows. */
export const giveGridsALayout = (): void => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, value: 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 600 });
  Object.defineProperty(globalThis, 'ResizeObserver', {
    configurable: true,
    value: class {
      observe(): void {
        // jsdom never resizes anything, so there is nothing to report.
      }
      unobserve(): void {
        // Nothing was observed.
      }
      disconnect(): void {
        // Nothing was observed.
      }
    },
  });
};
