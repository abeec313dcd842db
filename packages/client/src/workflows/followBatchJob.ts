import type { MistralBatchCore } from "../core.js";
import { ResponseValidationError } from "../errors.js";
import { assertUuid } from "../internal/validate.js";
import { abortableSleep } from "../transport/abortableSleep.js";
import { callOperation, type RequestOptions, toMistralBatchError } from "../transport/callOperation.js";
import { mapStreamErrors } from "../transport/mapStreamErrors.js";
import { readServerSentEvents } from "../transport/readServerSentEvents.js";
import { type BatchJob, isTerminalStatus, type JobIdParams } from "../types.js";
import { pollDelay } from "./pollSchedule.js";
import { isTransientError } from "./waitForBatchJob.js";

/** Reconnects in a row without an event in between before `follow` gives up. */
const MAX_RECONNECTS = 5;

/**
 * Follows a job through the live events of a proxy (`GET {serverURL}/events/batch/jobs/{job_id}`, which
 * `@mistral-batch/express` serves): yields the job as `get` answers it each time it changes, and ends after a
 * terminal status. A stream that breaks or times out (`timeoutMs` covers the stream too: pass a long one) is opened
 * again with `Last-Event-ID`, backing off on the poll schedule; 5 failures in a row to open it end the iteration. A server without the route (the API itself answers 404) rejects with the
 * SDKError of its answer, so that a caller can fall back to polling.
 *
 * @example
 * for await (const job of followBatchJob(core, { job_id })) console.log(job.status, job.completed_requests);
 */
export async function* followBatchJob(
  core: MistralBatchCore,
  params: JobIdParams,
  options: RequestOptions = {},
): AsyncGenerator<BatchJob, void, undefined> {
  assertUuid("job_id", params?.job_id);
  let lastEventId = "";
  for (let failures = 0; ; ) {
    try {
      const opened = () => {
        failures = 0; // the stream is open: the next break is a first one again
      };
      for await (const event of openEvents(core, params.job_id, lastEventId, options, opened)) {
        lastEventId = event.id;
        if (event.event !== "job") continue;
        const job = parseJob(event.data);
        yield job;
        if (isTerminalStatus(job.status)) return;
      }
    } catch (error) {
      if (options.signal?.aborted || !isTransientError(error) || ++failures > MAX_RECONNECTS) throw error;
    }
    // The stream ended (or broke) before a terminal status: open it again, from the last event seen.
    await abortableSleep(pollDelay(failures + 1), options.signal ?? new AbortController().signal);
  }
}

async function* openEvents(
  core: MistralBatchCore,
  job_id: string,
  lastEventId: string,
  options: RequestOptions,
  opened: () => void,
) {
  const body = await callOperation<ReadableStream<Uint8Array> | null>(
    core,
    {
      name: "batch.jobs.follow",
      idempotent: true,
      parseAs: "stream",
      send: (o) =>
        o.client.get({
          ...o,
          url: "/events/batch/jobs/{job_id}",
          path: { job_id },
          security: [{ scheme: "bearer", type: "http" }],
          headers: {
            ...o.headers,
            Accept: "text/event-stream",
            ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}),
          },
        }) as Promise<{ data?: ReadableStream<Uint8Array> | null }>,
    },
    options,
  );
  opened();
  if (!body) return;
  const events = mapStreamErrors(body, (failure) => toMistralBatchError("batch.jobs.follow", failure, options.signal));
  yield* readServerSentEvents(events);
}

function parseJob(data: string): BatchJob {
  try {
    const job = JSON.parse(data) as BatchJob;
    if (typeof job?.id === "string" && typeof job.status === "string") return job;
  } catch {}
  throw new ResponseValidationError(`batch.jobs.follow: an event is not a job: ${data.slice(0, 100)}`);
}
