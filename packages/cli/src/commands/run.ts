import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { RequestAbortedError, type RunProgress } from "@mistral-batch/client";
import { createFileRunStore } from "@mistral-batch/client/node";
import { integerFlag, requiredFlag } from "../commandLine.js";
import { CliError, EXIT, usageError } from "../exitCodes.js";
import { createProgressReporter, formatDuration } from "../output/createProgressReporter.js";
import { writeAtomically } from "../output/writeAtomically.js";
import { type Command, printJson, wantsJson } from "./CommandContext.js";
import { readRequestsFile } from "./readRequestsFile.js";

/**
 * `run FILE --endpoint E --model M --output OUT`: checks the whole file first, then drives a durable run of it
 * (split into jobs, failed lines retried) with progress on stderr, and writes every result once to OUT, which
 * appears only when complete. The same command again resumes the same run: its id comes from the file's bytes and
 * the parameters, its state from `--state-dir`. Exits 3 when some requests failed for good.
 */
export const runFile: Command = async (context) => {
  const { line, stderr } = context;
  const file = line.args.FILE as string;
  const endpoint = requiredFlag(line, "endpoint");
  const model = requiredFlag(line, "model");
  const output = requiredFlag(line, "output");
  const metadata = metadataOf(line.flags.metadata as string[] | undefined);
  const maxAttempts = integerFlag(line.flags, "max-attempts", 1);
  const cancelOnAbort = line.flags["cancel-on-abort"] === true;
  const stateDir = (line.flags["state-dir"] as string | undefined) || defaultStateDir(context.env);

  const input = await readRequestsFile(file, (issue) => stderr.write(`${issue}\n`));
  const runId = (line.flags["run-id"] as string | undefined) || derivedRunId(input.digest, endpoint, model, metadata);
  const progress = createProgressReporter(stderr);
  const started = Date.now();
  const run = await context.client.batch.run(
    { endpoint, model, requests: input.requests(), ...(Object.keys(metadata).length ? { metadata } : {}) },
    {
      runId,
      store: createFileRunStore(stateDir),
      signal: context.signal,
      cancelOnAbort,
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
      ...leaseOf(context.env),
      onProgress: (p) => progress.update(snapshotOf(p, input.lines)),
    },
  );
  stderr.write(`Run ${runId}: ${input.lines} requests from ${file}\n`);

  async function* lines() {
    for await (const { custom_id, response, error, attempts } of run.results) {
      yield `${JSON.stringify({ custom_id, response, error, attempts })}\n`;
    }
  }
  try {
    await writeAtomically(output, lines());
  } catch (error) {
    if (!(error instanceof RequestAbortedError)) throw error;
    progress.finish();
    throw new CliError(
      cancelOnAbort
        ? `Cancelled run ${runId} and its jobs`
        : `Stopped; its jobs keep running. Run the same command again to resume run ${runId}`,
    );
  }
  progress.finish();
  const summary = await run.summary();
  if (wantsJson(context)) printJson(context, { runId, output, ...summary });
  const { usage } = summary;
  stderr.write(
    `Wrote ${summary.total} results to ${output}: ${summary.succeeded} succeeded, ${summary.failed} failed` +
      ` (${summary.retried} retried) · ${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion` +
      ` = ${usage.total_tokens} tokens · ${formatDuration(Date.now() - started)}\n`,
  );
  return summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
};

function snapshotOf(p: RunProgress, lines: number) {
  const { QUEUED = 0, RUNNING = 0, CANCELLATION_REQUESTED = 0 } = p.jobs;
  return {
    done: p.completed,
    total: lines,
    succeeded: p.succeeded,
    failed: p.failed,
    jobsInFlight: QUEUED + RUNNING + CANCELLATION_REQUESTED,
  };
}

/** `--metadata k=v`, repeated. */
function metadataOf(pairs: string[] = []): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 1) throw usageError(`run: --metadata takes KEY=VALUE, not ${JSON.stringify(pair)}`);
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}

/** One id per file and parameters: the same command finds the same run. */
function derivedRunId(digest: string, endpoint: string, model: string, metadata: Record<string, string>): string {
  const sorted = Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : 1));
  const key = JSON.stringify([digest, endpoint, model, sorted]);
  return `run-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/** `$MISTRAL_BATCH_STATE_DIR`, else `$XDG_STATE_HOME/mistral-batch/runs`, else `~/.local/state/mistral-batch/runs`. */
function defaultStateDir(env: NodeJS.ProcessEnv): string {
  if (env.MISTRAL_BATCH_STATE_DIR) return env.MISTRAL_BATCH_STATE_DIR;
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), ".local", "state"), "mistral-batch", "runs");
}

/** `$MISTRAL_BATCH_LEASE_MS`: how long a killed process keeps others off its run (the client's default, 30 s). */
function leaseOf(env: NodeJS.ProcessEnv): { leaseMs?: number } {
  const value = env.MISTRAL_BATCH_LEASE_MS;
  if (value === undefined || value === "") return {};
  if (!/^\d+$/.test(value) || Number(value) < 100) {
    throw usageError(`MISTRAL_BATCH_LEASE_MS takes milliseconds, at least 100, not ${JSON.stringify(value)}`);
  }
  return { leaseMs: Number(value) };
}
