import { ConnectionError, RequestTimeoutError, SDKError } from "@mistral-batch/client";
import { errorMessage } from "./format.js";

/** What a failed call means for the person looking at the page. */
export interface FailureDescription {
  /** One line, said first: which link is broken. */
  title: string;
  /** The server's own words, with the HTTP status when there is one. */
  detail: string;
  /** True when it is likely to pass by itself, so retrying makes sense. */
  transient: boolean;
}

/**
 * Tells apart the failures a person can act on: the proxy answering 502/504 means the dashboard's server is up
 * but cannot reach the Mistral API; a connection error means the dashboard's server itself is unreachable.
 */
export function describeFailure(error: unknown, what: string): FailureDescription {
  const detail = errorMessage(error);
  if (error instanceof SDKError && (error.statusCode === 502 || error.statusCode === 504)) {
    return { title: "Cannot reach the Mistral API.", detail, transient: true };
  }
  if (error instanceof ConnectionError || error instanceof RequestTimeoutError) {
    return { title: "Cannot reach the dashboard server.", detail, transient: true };
  }
  const transient = error instanceof SDKError && (error.statusCode === 429 || error.statusCode >= 500);
  return { title: `Could not load ${what}.`, detail, transient };
}
