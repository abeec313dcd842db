import type { MistralBatch } from "@mistral-batch/client";
import type { CommandLine } from "../commandLine.js";
import type { ExitCode } from "../exitCodes.js";

/** What a command runs with: the client, its command line, where to write, and the signal of a Ctrl-C. */
export interface CommandContext {
  client: MistralBatch;
  line: CommandLine;
  /** Results and `--json` output. */
  stdout: NodeJS.WritableStream;
  /** Progress and messages; a terminal (`isTTY`) gets a live progress line. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  signal: AbortSignal;
  /** The environment, for defaults such as the state directory. */
  env: NodeJS.ProcessEnv;
}

export type Command = (context: CommandContext) => Promise<ExitCode>;

/** Prints a value as JSON on stdout, for scripts. */
export function printJson(context: CommandContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** True when the command line asks for JSON output. */
export function wantsJson(context: CommandContext): boolean {
  return context.line.flags.json === true;
}
