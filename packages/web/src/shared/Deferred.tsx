/**
 * Renders its children just after the rest of the screen: the first commit leaves them out, and a
 * task queued once it is on screen adds them. For widgets beside a first screen's content (the side
 * menu, the header's tools) whose box does not depend on them, so nothing moves when they appear;
 * they would otherwise add their rendering and styles to the wait for the page's rows. A plain
 * update rather than a transition: a transition could be held back behind a page still loading.
 */
import { useEffect, useState, type ReactNode } from 'react';

export function Deferred({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}
