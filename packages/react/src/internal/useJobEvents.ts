import type { MistralBatch } from "@mistral-batch/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { writeJob } from "./jobCache.js";

/** How long one events stream may stay open before it is reopened (from its last event). */
const STREAM_TIMEOUT_MS = 300_000;

/**
 * Follows a job's live events while `enabled`, writing each version into the cache (its query and every list),
 * and says whether they flow. False from the start when not enabled, and for good once the events cannot be had:
 * then the caller polls. Stops at a terminal status and on unmount.
 */
export function useJobEvents(client: MistralBatch, job_id: string | undefined, enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const following = enabled && job_id !== undefined && !failed;
  useEffect(() => {
    if (!following) return;
    const controller = new AbortController();
    (async () => {
      const options = {
        signal: controller.signal,
        timeoutMs: STREAM_TIMEOUT_MS,
        retries: { strategy: "none" },
      } as const;
      for await (const job of client.batch.jobs.follow({ job_id }, options)) writeJob(queryClient, job);
    })().catch(() => {
      if (!controller.signal.aborted) setFailed(true);
    });
    return () => controller.abort();
  }, [client, job_id, following, queryClient]);
  return following;
}
