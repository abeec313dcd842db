import { startMockServer } from "@mistral-batch/msw/node";

/** Where the proxy sends the API calls. */
export interface Upstream {
  /** "mock": the built-in simulator in this process; "mistral": the real API. */
  kind: "mock" | "mistral";
  serverURL: string;
  /** The key the proxy sends upstream; the browser never sees it. */
  apiKey: string;
  close(): Promise<void>;
}

/** Options of `startUpstream`, usually read from the environment by `main`. */
export interface UpstreamOptions {
  /** With a key, the real API; without, the built-in mock. */
  apiKey?: string;
  /** The real API's URL, `https://api.mistral.ai` by default. Ignored by the mock. */
  serverURL?: string;
  /** How many times faster than real time the mock runs. Default 1: a job takes about 25 seconds. */
  mockSpeed?: number;
}

/** The mock's timings at speed 1: slow enough to watch the progress bar, quick enough to wait for. */
export const MOCK_TIMINGS = {
  queueDelayMs: 3_000,
  jobDurationMs: 20_000,
  cancelDelayMs: 2_000,
  // A few failed requests, so failed counts and error files show up in the demo.
  failureRate: 0.1,
} as const;

/**
 * The real API when there is a key, else the built-in mock of `@mistral-batch/msw`
 * listening on a free port of 127.0.0.1, its jobs `mockSpeed` times quicker.
 */
export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  if (options.apiKey) {
    return {
      kind: "mistral",
      serverURL: options.serverURL ?? "https://api.mistral.ai",
      apiKey: options.apiKey,
      close: async () => {},
    };
  }
  // The jobs are quicker, not the clock: a sped-up clock would stamp times ahead of the browser's, and a running
  // job's duration (the browser's now minus its start) would read 0 s.
  const speed = options.mockSpeed ?? 1;
  const mock = await startMockServer({
    port: 0,
    clock: "real",
    queueDelayMs: MOCK_TIMINGS.queueDelayMs / speed,
    jobDurationMs: MOCK_TIMINGS.jobDurationMs / speed,
    cancelDelayMs: MOCK_TIMINGS.cancelDelayMs / speed,
    failureRate: MOCK_TIMINGS.failureRate,
  });
  // The mock accepts any token; the proxy still needs one to send.
  return { kind: "mock", serverURL: mock.url, apiKey: "built-in-mock", close: () => mock.close() };
}
