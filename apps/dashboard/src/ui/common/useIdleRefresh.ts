import { useEffect } from "react";

/** How often a list with nothing running is read again while its tab is visible. */
export const IDLE_REFRESH_MS = 30_000;

/**
 * Calls `refresh` every `IDLE_REFRESH_MS` while `idle` and the tab is visible. The hooks poll a list only while one
 * of its jobs runs; a list of ended jobs would otherwise never show a job created elsewhere (a CLI run, another tab)
 * until the tab regains focus. Two requests a minute per visible idle tab; none from a hidden one.
 */
export function useIdleRefresh(refresh: () => void, idle: boolean): void {
  useEffect(() => {
    if (!idle) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, IDLE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh, idle]);
}
