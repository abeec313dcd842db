import { jobNotFound } from "../core/errors.js";
import type { ProxyAnswer } from "../core/ProxyAnswer.js";
import type { OperationInput, ProxyContext } from "../core/ProxyContext.js";
import { EVENT_STREAM_HEADERS } from "../events/sse.js";
import { assertUuidParam, isOwnedBy } from "../ownership/jobOwnership.js";

/**
 * GET /events/batch/jobs/:job_id: the caller's job as a stream of server-sent events, `event: job` with the job's
 * JSON as `get` answers it, one per change, closing after a final status. The job is read by the watcher every
 * stream of it shares, and its owner checked on that read: another user's job, or a missing one, answers the 404
 * of `get`. Over a cap of streams: 429, before anything reaches the upstream.
 */
export async function streamJobEvents(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const jobId = assertUuidParam("job_id", input.id);
  const watch = context.events.watch(input.userId, jobId);
  try {
    const snapshot = await watch.snapshot;
    if (!isOwnedBy(snapshot.job, context.ownerKey, input.userId)) throw jobNotFound(jobId);
  } catch (error) {
    watch.leave();
    throw error;
  }
  const body = watch.open(input.headers.get("last-event-id"), input.onGone);
  return { status: 200, headers: { ...EVENT_STREAM_HEADERS }, body };
}
