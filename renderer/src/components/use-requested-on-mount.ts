import { useEffect } from 'react';

/** Asks a store for what a screen shows when the screen mounts (the store keeps it for next time). */
export const useRequestedOnMount = (request: () => Promise<unknown>): void => {
  useEffect(() => {
    void request();
  }, [request]);
};
