import type { MistralBatchCore } from "../../core.js";
import type { BatchRequest } from "../../generated/types.gen.js";
import { getBatchJob } from "../../operations/batchJobs.js";
import type { BatchJob } from "../../types.js";
import type { RunPart } from "./RunStore.js";
import { type OutcomeRules, readPartOutcomes } from "./readPartOutcomes.js";
import type { RunResult } from "./runResults.js";

/** What `createInputOrder` reads a part's outcomes and requests with. */
export interface InputOrderSources {
  core: MistralBatchCore;
  parts: readonly RunPart[];
  signal: AbortSignal;
  rulesOf(part: RunPart, job: BatchJob): OutcomeRules;
  inputsOf(part: RunPart): AsyncIterable<BatchRequest> | Iterable<BatchRequest>;
}

/**
 * Results in the order of the input, for `order: "input"`. A slice of the
 * input is released once its part and every retry of its lines have ended:
 * their final outcomes are read again from the server into a map, one part's
 * worth at most, and yielded in the order of the part's own file. Memory is
 * bounded by one job's results, whatever the run's size; the price is reading
 * each part's results twice and holding back later parts behind a slow one.
 */
export function createInputOrder<TBody>(sources: InputOrderSources) {
  const { core, parts, signal } = sources;
  let released = 0; // slices of the input yielded so far
  const rootOf = (part: RunPart): RunPart =>
    part.retryOf === undefined ? part : rootOf(parts[part.retryOf] as RunPart);
  const chainOf = (root: RunPart) => parts.filter((part) => rootOf(part) === root);

  async function* release(root: RunPart): AsyncGenerator<RunResult<TBody>, void, undefined> {
    const finals = new Map<string, RunResult<TBody>>();
    for (const part of chainOf(root)) {
      const job = await getBatchJob(core, { job_id: part.jobId as string }, { signal });
      for await (const result of readPartOutcomes<TBody>(core, job, sources.rulesOf(part, job), { signal })) {
        finals.set(result.custom_id, result);
      }
    }
    for await (const request of sources.inputsOf(root)) {
      const result = finals.get(request.custom_id as string);
      if (result) yield result;
    }
  }

  return {
    /** Yields every slice of the input, in order, whose outcomes are all final; `inputDone` says none will follow. */
    async *ready(): AsyncGenerator<RunResult<TBody>, void, undefined> {
      for (;;) {
        const root = parts.filter((part) => part.retryOf === undefined)[released];
        if (!root || !chainOf(root).every((part) => part.settled)) return;
        yield* release(root);
        released++;
      }
    },
  };
}
