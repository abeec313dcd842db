import { useEffect, useState } from "react";
import { checkRequests, type RequestCheck } from "./checkRequests.js";

/**
 * Checks `jsonl` whenever it changes (after `delayMs`, so typing is not checked
 * at every key), dropping the answer of a check that a newer one replaced.
 */
export function useRequestCheck(jsonl: Blob | null, maxRequests?: number, delayMs = 0): RequestCheck {
  const [check, setCheck] = useState<RequestCheck>({ state: "empty" });
  useEffect(() => {
    if (!jsonl) {
      setCheck({ state: "empty" });
      return;
    }
    let current = true;
    setCheck({ state: "checking" });
    const timer = setTimeout(() => {
      void checkRequests(jsonl, maxRequests).then((result) => {
        if (current) setCheck(result);
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [jsonl, maxRequests, delayMs]);
  return check;
}
