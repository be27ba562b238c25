import { useRef } from 'react';

/**
 * One run at a time (an export, a check): `start()` aborts the previous run and gives the new one's
 * controller; `abort()` ends the current one (the dialog closing).
 */
export function useLatestRun() {
  const current = useRef<AbortController>(undefined);
  return {
    start(): AbortController {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      return controller;
    },
    abort(): void {
      current.current?.abort();
    },
    isCurrent: (controller: AbortController) => current.current === controller,
  };
}
