import { MistralBatchError, SDKError } from "@mistral-batch/client";
import { CliError } from "../exitCodes.js";

/** One line that says what went wrong, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof SDKError && error.statusCode === 401) {
    return `${firstLine(error.message)} (check MISTRAL_API_KEY)`;
  }
  if (error instanceof MistralBatchError) return firstLine(error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  if (code === "ENOENT" && path) return `No such file: ${path}`;
  if (code === "EACCES" && path) return `Permission denied: ${path}`;
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
