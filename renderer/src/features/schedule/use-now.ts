import { useEffect, useState } from 'react';

/** The current time, again every `everyMs`: for "in 3 hours" and for when a waiting batch turns late. */
export const useNow = (everyMs: number): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
};
