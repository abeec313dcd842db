import { hashString, uuidFrom } from "./hash.js";
import { type JobRecord, requestFails } from "./jobProgress.js";
import { type BatchEntry, jsonlLines, parseEntry } from "./jsonl.js";
import { FailureKind, failedLineParts } from "./lineFailures.js";
import { responseBody } from "./responseBody.js";

/** Which results a file holds: the successful ones (output file) or the failed ones (error file). */
export type ResultKind = "output" | "error";

const FALLBACK_MODEL = "mistral-small-latest";

/** The job's requests in order, read lazily from its inline requests or input files. */
export function* jobEntries(job: JobRecord, wanted?: (index: number) => boolean): Generator<BatchEntry | null> {
  if (job.requests) {
    for (const [index, request] of job.requests.entries()) {
      if (wanted && !wanted(index)) yield null;
      else yield { customId: request.custom_id ?? String(index), body: request.body, text: JSON.stringify(request) };
    }
    return;
  }
  let index = 0;
  for (const bytes of job.inputs) {
    for (const line of jsonlLines(bytes)) {
      // A line the caller skips is not parsed: an error file of a few lines out of 1,000,000 reads in a fraction.
      if (wanted && !wanted(index)) {
        index++;
        yield null;
        continue;
      }
      const entry = parseEntry(line, index++);
      // Input files were validated when the job was created, so every line parses.
      if (typeof entry !== "string") yield entry;
    }
  }
}

/**
 * The id of a result line, shaped as in the document's example, `batch-<8 hex>-<n>-<uuid>`: the first 8 hex digits
 * of the job's id, the request's index, and a UUID drawn from both, so that a file reads the same every time.
 */
function lineId(job: JobRecord, jobSeed: number, index: number): string {
  return `batch-${job.id.slice(0, 8)}-${index}-${uuidFrom(jobSeed ^ Math.imul(index + 1, 0x9e3779b1))}`;
}

/**
 * The lines (without newline) of a job's output or error file, over its first `completed` requests, generated one at a
 * time so that a 1,000,000-request job never holds its results in memory.
 */
export function* resultLines(job: JobRecord, kind: ResultKind, completed: number, created: number): Generator<string> {
  const jobSeed = hashString(job.id);
  const plan = job.failurePlan;
  let next = 0; // the plan's next failing line
  let index = 0;
  // The error file of a job with a plan needs only the plan's lines.
  const wanted = plan && kind === "error" ? (at: number) => plan.indices[next] === at : undefined;
  for (const entry of jobEntries(job, wanted)) {
    if (index >= completed) return;
    if (entry === null) {
      index++;
      continue;
    }
    let failure: FailureKind | null = null;
    if (plan) {
      if (plan.indices[next] === index) failure = plan.kinds[next++] as FailureKind;
    } else if (requestFails(index, job.failureRate)) failure = FailureKind.Simulated;
    const position = index++;
    if ((failure !== null) !== (kind === "error")) continue;
    const id = lineId(job, jobSeed, position);
    if (failure !== null) {
      yield JSON.stringify({ id, custom_id: entry.customId, ...failedLineParts(failure) });
      continue;
    }
    const model = typeof entry.body.model === "string" ? entry.body.model : (job.model ?? FALLBACK_MODEL);
    const body = responseBody({
      endpoint: job.endpoint,
      model,
      seed: hashString(entry.text),
      created,
      body: entry.body,
    });
    yield JSON.stringify({ id, custom_id: entry.customId, response: { status_code: 200, body }, error: null });
  }
}

/**
 * Streams lines as JSONL bytes, pulling about 64 KiB at a time, so memory stays flat whatever the file's size.
 * `onEnd` gets the byte count once the whole stream has been read.
 */
export function linesToStream(lines: Iterator<string>, onEnd?: (bytes: number) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let bytes = 0;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: string) => {
    const encoded = encoder.encode(chunk);
    bytes += encoded.length;
    controller.enqueue(encoded);
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let chunk = "";
        while (chunk.length < 65536) {
          const next = lines.next();
          if (next.done) {
            if (chunk) send(controller, chunk);
            controller.close();
            onEnd?.(bytes);
            return;
          }
          chunk += `${next.value}\n`;
        }
        send(controller, chunk);
      },
      cancel() {
        lines.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
