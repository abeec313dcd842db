/** The documented exit codes of `mistral-batch`. */
export const EXIT = {
  /** Done, and no request failed. */
  ok: 0,
  /** An error: bad input, the API or the network. */
  error: 1,
  /** The command line is wrong, or the connection is not configured. */
  usage: 2,
  /** Done, but some requests failed for good. */
  someFailed: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with a one-line message and an exit code of its own. */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.error,
  ) {
    super(message);
  }
}

/** A command line that cannot run: unknown command, missing argument, bad flag. */
export function usageError(message: string): CliError {
  return new CliError(`${message}. Run mistral-batch --help for usage.`, EXIT.usage);
}
