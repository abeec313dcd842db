import { type BatchJob, isTerminalStatus } from "@mistral-batch/client";
import { integerFlag } from "../commandLine.js";
import { EXIT, type ExitCode } from "../exitCodes.js";
import { createProgressReporter } from "../output/createProgressReporter.js";
import { formatTable } from "../output/formatTable.js";
import { type Command, type CommandContext, printJson, wantsJson } from "./CommandContext.js";

/** `jobs list [--status S]... [--page N] [--page-size N]`: the newest jobs first. */
export const listJobs: Command = async (context) => {
  const { flags } = context.line;
  const status = flags.status as string[] | undefined;
  const page = await context.client.batch.jobs.list(
    {
      ...(status ? { status } : {}),
      ...optional("page", integerFlag(flags, "page", 0)),
      ...optional("page_size", integerFlag(flags, "page-size", 1)),
    },
    { signal: context.signal },
  );
  if (wantsJson(context)) printJson(context, page);
  else {
    const jobs = page.data ?? [];
    const rows = jobs.map((job) => [job.id, job.status, job.endpoint, job.model ?? "", done(job), created(job)]);
    context.stdout.write(`${formatTable(["ID", "STATUS", "ENDPOINT", "MODEL", "DONE", "CREATED"], rows)}\n`);
    context.stderr.write(`${jobs.length} of ${page.total} jobs\n`);
  }
  return EXIT.ok;
};

/** `jobs get ID`. */
export const getJob: Command = async (context) => {
  const job = await context.client.batch.jobs.get({ job_id: jobId(context) }, { signal: context.signal });
  printJob(context, job);
  return EXIT.ok;
};

/** `jobs cancel ID`: the job moves to CANCELLATION_REQUESTED, later CANCELLED. */
export const cancelJob: Command = async (context) => {
  const job = await context.client.batch.jobs.cancel({ job_id: jobId(context) }, { signal: context.signal });
  printJob(context, job);
  return EXIT.ok;
};

/** `jobs delete ID`. */
export const deleteJob: Command = async (context) => {
  const answer = await context.client.batch.jobs.delete({ job_id: jobId(context) }, { signal: context.signal });
  if (wantsJson(context)) printJson(context, answer);
  else context.stdout.write(`Deleted job ${answer.id}\n`);
  return EXIT.ok;
};

/**
 * `jobs wait ID`: polls until the job ends, its progress on stderr. Exits 0 on SUCCESS without failures, 3 when
 * it ended with failed requests (or TIMEOUT_EXCEEDED, some done), 1 when it FAILED or was CANCELLED.
 */
export const waitForJob: Command = async (context) => {
  const progress = createProgressReporter(context.stderr);
  try {
    const job = await context.client.batch.jobs.wait(
      { job_id: jobId(context) },
      {
        signal: context.signal,
        onProgress: ({ status, completed, total, succeeded, failed }) =>
          progress.update({ status, done: completed, total, succeeded, failed }),
      },
    );
    progress.finish();
    printJob(context, job);
    return exitCodeOf(job);
  } catch (error) {
    progress.finish();
    throw error;
  }
};

/** How a finished job ends the command. */
export function exitCodeOf(job: BatchJob): ExitCode {
  if (!isTerminalStatus(job.status)) return EXIT.error;
  if (job.status === "SUCCESS") return job.failed_requests > 0 ? EXIT.someFailed : EXIT.ok;
  return job.status === "TIMEOUT_EXCEEDED" ? EXIT.someFailed : EXIT.error;
}

function printJob(context: CommandContext, job: BatchJob): void {
  if (wantsJson(context)) {
    printJson(context, job);
    return;
  }
  const fields: Array<[string, unknown]> = [
    ["id", job.id],
    ["status", job.status],
    ["endpoint", job.endpoint],
    ["model", job.model],
    ["requests", `${done(job)} done, ${job.succeeded_requests} succeeded, ${job.failed_requests} failed`],
    ["created", created(job)],
    ["output_file", job.output_file],
    ["error_file", job.error_file],
  ];
  const shown = fields.filter(([, value]) => value != null && value !== "");
  context.stdout.write(
    `${formatTable(
      ["FIELD", "VALUE"],
      shown.map(([name, value]) => [name, String(value)]),
    )}\n`,
  );
}

function jobId(context: CommandContext): string {
  return (context.line.args.ID ?? context.line.args.JOB_ID) as string;
}

function done(job: BatchJob): string {
  return `${job.completed_requests}/${job.total_requests}`;
}

function created(job: BatchJob): string {
  return new Date(job.created_at * 1000).toISOString();
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: number });
}
