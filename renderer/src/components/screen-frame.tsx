import { useEffect, useRef, type ReactNode } from 'react';
import type { ScreenDefinition } from '../screens.ts';

/** A screen's heading and one-sentence purpose; focus moves to the heading when the screen opens. */
export const ScreenFrame = ({ screen, children }: { screen: ScreenDefinition; children?: ReactNode }) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [screen.id]);
  return (
    <main className="screen" aria-labelledby={`screen-title-${screen.id}`}>
      <h1 className="screen__title" id={`screen-title-${screen.id}`} ref={heading} tabIndex={-1}>
        {screen.label}
      </h1>
      <p className="screen__summary">{screen.summary}</p>
      {children}
    </main>
  );
};
