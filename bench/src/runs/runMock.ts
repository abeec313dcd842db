/**
 * Child process: `startMockServer` on a real clock whose jobs are quick (no queue, `JOB_MS` running, whatever their
 * size), in a process of its own so that neither its memory nor its CPU is counted as the runner's. It notes when
 * each job is created (ms): a job then ends exactly `JOB_MS` later, as nothing fails, times out or is cancelled.
 * Over IPC, `"jobs"` answers the job intervals and this process's CPU since it started listening.
 * Prints `listening on URL` once ready.
 *
 * Usage: node runMock.js <jobMs>
 */
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";

/** What the mock answers to `"jobs"`. */
export interface MockJobs {
  /** `[created, ended]` of every job, epoch ms. */
  jobs: [number, number][];
  /** CPU time (user + system) of the mock process since it listened, ms. */
  cpuMs: number;
}

const jobMs = Number(process.argv[2] ?? 500);
const simulator = createBatchSimulator({
  clock: "real",
  queueDelayMs: 0,
  jobDurationMs: jobMs,
  // Room for every job of a 1,000,000-request run at once, so that no create waits on the workspace's cap.
  maxPendingRequests: 100_000_000,
});
const jobs: [number, number][] = [];
const createJob = simulator.createJob.bind(simulator);
simulator.createJob = (...args: Parameters<typeof createJob>) => {
  // The simulator stamps the job with the time the create began (it validates every line after that).
  const created = simulator.clock.now();
  const job = createJob(...args);
  jobs.push([created, created + jobMs]);
  return job;
};
const mock = await startMockServer({ port: 0, simulator });
const cpuStart = process.cpuUsage();
process.on("message", () => {
  const cpu = process.cpuUsage(cpuStart);
  process.send?.({ jobs, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies MockJobs);
});
console.log(`listening on ${mock.url}`);
