import { type BatchResult, isTerminalStatus } from "@mistral-batch/client";
import { requiredFlag } from "../commandLine.js";
import { CliError, EXIT } from "../exitCodes.js";
import { writeAtomically } from "../output/writeAtomically.js";
import type { Command } from "./CommandContext.js";

/**
 * `results JOB_ID --output OUT`: every result of a finished job, one JSON line each (`{custom_id, response,
 * error}`), in a file that appears only when complete; the client checks the count against the job's. Exits 3
 * when some requests failed.
 */
export const writeResults: Command = async (context) => {
  const output = requiredFlag(context.line, "output");
  const job = await context.client.batch.jobs.get({ job_id: context.line.args.JOB_ID as string });
  if (!isTerminalStatus(job.status)) {
    throw new CliError(`Job ${job.id} is ${job.status}: wait for it first (mistral-batch jobs wait ${job.id})`);
  }
  const counts = { succeeded: 0, failed: 0 };
  async function* lines() {
    for await (const result of context.client.batch.jobs.results(job, { signal: context.signal })) {
      counts[failed(result) ? "failed" : "succeeded"] += 1;
      const { custom_id, response, error } = result;
      yield `${JSON.stringify({ custom_id, response, error })}\n`;
    }
  }
  await writeAtomically(output, lines());
  context.stderr.write(
    `Wrote ${counts.succeeded + counts.failed} results to ${output}: ${counts.succeeded} succeeded, ${counts.failed} failed\n`,
  );
  return counts.failed > 0 ? EXIT.someFailed : EXIT.ok;
};

/** A result failed when it has an error or a non-2XX answer. */
export function failed(result: Pick<BatchResult, "response" | "error">): boolean {
  return result.error != null || result.response == null || result.response.status_code >= 300;
}
