import { useEffect, useState } from "react";

/** Now in Unix seconds, re-read every `intervalMs` while `active` (a running job's ETA and chart move on their own). */
export function useNow(active: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now() / 1000);
    const timer = setInterval(() => setNow(Date.now() / 1000), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
