import { parseArgs } from "node:util";
import type { MockServerOptions } from "./startMockServer.js";

/** The usage text of `mistral-batch-mock`. */
export const USAGE = `Usage: mistral-batch-mock [options]

  --port N              port to listen on, 0 for a free one (default 4010)
  --host HOST           interface to listen on (default 127.0.0.1)
  --api-key KEY         accept only this bearer token (default: any non-empty token)
  --job-duration-ms MS  time a job spends RUNNING (default 10000)
  --queue-delay-ms MS   time a job spends QUEUED (default 1000)
  --cancel-delay-ms MS  time from CANCELLATION_REQUESTED to CANCELLED (default 1000)
  --failure-rate R      share of requests that fail, 0 to 1, with code simulated_failure (default 0)
  --retryable-failure-rate R
                        share of custom_ids failing with 429/500/503 until retried (default 0)
  --permanent-failure-rate R
                        share of custom_ids failing with 400/422 in every job (default 0)
  --retryable-attempts N
                        attempts of a retryable custom_id that fail before one succeeds (default 1)
  --failure-seed N      picks which custom_ids fail (default 0)
  --max-pending-requests N
                        requests pending in the workspace before a create gets 429 (default 1000000)
  --timeout-hour-ms MS  simulated ms one hour of timeout_hours lasts (default 3600000)
  --speed X             simulated milliseconds per real millisecond (default 1)
  -h, --help            show this help`;

function number(
  name: string,
  value: string | undefined,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || Number.isNaN(parsed) || parsed < min || parsed > max) {
    throw new Error(
      `--${name} expects a number from ${min}${max === Number.POSITIVE_INFINITY ? "" : ` to ${max}`}, got "${value}"`,
    );
  }
  return parsed;
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  const parsed = number(name, value, min);
  if (parsed !== undefined && !Number.isInteger(parsed))
    throw new Error(`--${name} expects an integer, got "${value}"`);
  return parsed;
}

/** Reads the command line of `mistral-batch-mock`; throws an Error with a readable message on a bad flag. */
export function parseCliArgs(args: string[]): { help: true } | { help: false; options: MockServerOptions } {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string" },
      "job-duration-ms": { type: "string" },
      "queue-delay-ms": { type: "string" },
      "cancel-delay-ms": { type: "string" },
      "failure-rate": { type: "string" },
      "retryable-failure-rate": { type: "string" },
      "permanent-failure-rate": { type: "string" },
      "retryable-attempts": { type: "string" },
      "failure-seed": { type: "string" },
      "max-pending-requests": { type: "string" },
      "timeout-hour-ms": { type: "string" },
      speed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: true };
  const port = number("port", values.port ?? "4010", 0, 65535);
  if (!Number.isInteger(port)) throw new Error(`--port expects an integer, got "${values.port}"`);
  const options: MockServerOptions = {
    port,
    host: values.host ?? "127.0.0.1",
    apiKey: values["api-key"],
    jobDurationMs: number("job-duration-ms", values["job-duration-ms"], 0),
    queueDelayMs: number("queue-delay-ms", values["queue-delay-ms"], 0),
    cancelDelayMs: number("cancel-delay-ms", values["cancel-delay-ms"], 0),
    failureRate: number("failure-rate", values["failure-rate"], 0, 1),
    speed: number("speed", values.speed, 0),
    maxPendingRequests: integer("max-pending-requests", values["max-pending-requests"], 1),
    timeoutHourMs: number("timeout-hour-ms", values["timeout-hour-ms"], 1),
  };
  const failures = {
    retryable: number("retryable-failure-rate", values["retryable-failure-rate"], 0, 1),
    permanent: number("permanent-failure-rate", values["permanent-failure-rate"], 0, 1),
    retryableAttempts: integer("retryable-attempts", values["retryable-attempts"], 0),
    seed: integer("failure-seed", values["failure-seed"], Number.MIN_SAFE_INTEGER),
  };
  for (const key of Object.keys(failures) as (keyof typeof failures)[])
    if (failures[key] === undefined) delete failures[key];
  if (Object.keys(failures).length > 0) options.failures = failures;
  // Leave out what was not given, so the simulator's defaults apply.
  for (const key of Object.keys(options) as (keyof MockServerOptions)[])
    if (options[key] === undefined) delete options[key];
  return { help: false, options };
}
