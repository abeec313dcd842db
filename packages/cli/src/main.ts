import { readFile } from "node:fs/promises";
import { type CommandName, readCommandLine } from "./commandLine.js";
import type { Command } from "./commands/CommandContext.js";
import { downloadFile, uploadFile } from "./commands/files.js";
import { cancelJob, deleteJob, getJob, listJobs, waitForJob } from "./commands/jobs.js";
import { writeResults } from "./commands/results.js";
import { runFile } from "./commands/run.js";
import { connect } from "./connect.js";
import { CliError, EXIT, type ExitCode } from "./exitCodes.js";
import { HELP } from "./help.js";
import { describeError } from "./output/describeError.js";

const HANDLERS: Record<CommandName, Command> = {
  run: runFile,
  "jobs list": listJobs,
  "jobs get": getJob,
  "jobs cancel": cancelJob,
  "jobs delete": deleteJob,
  "jobs wait": waitForJob,
  results: writeResults,
  "files upload": uploadFile,
  "files download": downloadFile,
};

/** Where a run of the CLI reads and writes: the process's, or a test's. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

/** Runs one command line and says how it ended; every error is one line on stderr. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  try {
    const line = readCommandLine(argv);
    if ("info" in line) {
      io.stdout.write(line.info === "help" ? HELP : `${await version()}\n`);
      return EXIT.ok;
    }
    const client = connect(io.env, line.flags["server-url"] as string | undefined);
    return await HANDLERS[line.command]({
      client,
      line,
      stdout: io.stdout,
      stderr: io.stderr,
      signal: io.signal,
      env: io.env,
    });
  } catch (error) {
    const stopped = io.signal.aborted && !(error instanceof CliError); // a command may say how to resume
    io.stderr.write(`mistral-batch: ${stopped ? "stopped" : describeError(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.error;
  }
}

async function version(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  return manifest.version as string;
}
