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
  --failure-rate R      share of requests that fail, 0 to 1 (default 0)
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
  };
  // Leave out what was not given, so the simulator's defaults apply.
  for (const key of Object.keys(options) as (keyof MockServerOptions)[])
    if (options[key] === undefined) delete options[key];
  return { help: false, options };
}
