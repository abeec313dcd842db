/**
 * Per-request CPU time and throughput of list (100 and 1,000 jobs), get and create, side by side: plain fetch +
 * JSON.parse (the baseline), `@mistral-batch/client`, and the official `@mistralai/mistralai`. Each contender runs in
 * its own forked process against one canned server in another, and the processes are replaced twice along the way;
 * short rounds interleave the contenders (rotating who goes first), the figures are medians over rounds, and each
 * ratio is the median of the per-round ratios to the baseline, so that a change of machine load hits both sides of a
 * ratio alike. Target: ours at most 1.10 times the baseline's CPU on list(1,000).
 */
import { type ChildProcess, fork } from "node:child_process";
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { figure, median, paired } from "../lib/stats.js";
import { CONTENDERS, type Contender, OPERATIONS, type Operation } from "./contenders.js";
import type { RoundMeasure, RoundRequest } from "./requestWorker.js";

/** Calls per round: about the same time per round whatever the operation costs. */
const CALLS: Record<Operation, number> = { list100: 120, list1000: 60, get: 400, create: 400 };

/** A forked contender process that runs rounds on demand. */
interface Worker {
  run(request: RoundRequest): Promise<RoundMeasure>;
  close(): void;
}

function startWorker(contender: Contender, serverUrl: string): Promise<Worker> {
  const child: ChildProcess = fork(scriptPath(import.meta.url, "./requestWorker.js"), [contender, serverUrl], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let pending: { resolve(m: RoundMeasure): void; reject(e: Error): void } | undefined;
  child.once("exit", (code) => pending?.reject(new Error(`${contender} worker exited with ${code}`)));
  const worker: Worker = {
    run: (request) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.once("message", (measure) => resolve(measure as RoundMeasure));
        child.send(request);
      }),
    close: () => child.kill(),
  };
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(worker));
    child.once("exit", (code) => reject(new Error(`${contender} worker exited with ${code} before ready`)));
  });
}

/** Rotates the contenders so that each goes first in turn. */
const rotated = (round: number) => CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length] as Contender);

const bench: Bench = async ({ quick }) => {
  // Rounds come from several generations of fresh worker processes: a process can run a few percent slower or faster
  // than the next for its whole life (seen: one generation's list(1,000) ratios all near 1.2, the next near 0.95).
  const generations = quick ? 2 : 3;
  const roundsPerGeneration = quick ? 3 : 5;
  const scale = quick ? 0.5 : 1;
  const server = await startServerProcess(scriptPath(import.meta.url, "./cannedServer.js"));
  const workers = new Map<Contender, Worker>();
  try {
    // Per operation and contender, one figure per round; rounds line up across contenders for paired ratios.
    const cpu = new Map<string, number[]>();
    const throughput = new Map<string, number[]>();
    const push = (map: Map<string, number[]>, key: string, value: number) =>
      map.set(key, [...(map.get(key) ?? []), value]);
    for (let generation = 0; generation < generations; generation++) {
      for (const contender of CONTENDERS) workers.set(contender, await startWorker(contender, server.url));
      for (const operation of OPERATIONS) {
        const count = Math.max(5, Math.round(CALLS[operation] * scale));
        // Warm-up, not counted: JIT, connections.
        for (const contender of CONTENDERS) await workers.get(contender)?.run({ operation, count: count * 5 });
        for (let round = 0; round < roundsPerGeneration; round++) {
          for (const contender of rotated(round)) {
            const { cpuMicros, wallMs } = await (workers.get(contender) as Worker).run({ operation, count });
            push(cpu, `${operation}.${contender}`, cpuMicros / count);
            push(throughput, `${operation}.${contender}`, (count / wallMs) * 1000);
          }
        }
      }
      for (const worker of workers.values()) worker.close();
      workers.clear();
    }
    const entries: BenchEntry[] = [];
    for (const operation of OPERATIONS) {
      for (const [metric, map, unit] of [
        ["cpu", cpu, "µs/req"],
        ["throughput", throughput, "req/s"],
      ] as const) {
        const of = (contender: Contender) => map.get(`${operation}.${contender}`) as number[];
        entries.push(figure(`client.${operation}.fetch.${metric}`, median(of("fetch")), unit));
        for (const contender of CONTENDERS.slice(1)) {
          entries.push(paired(`client.${operation}.${contender}.${metric}`, of(contender), of("fetch"), unit));
        }
      }
    }
    return entries;
  } finally {
    for (const worker of workers.values()) worker.close();
    await server.close();
  }
};
export default bench;
