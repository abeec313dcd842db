/**
 * Per-request CPU time and throughput of list (100 and 1,000 jobs), get and create, side by side: plain fetch +
 * JSON.parse (the baseline), `@mistral-batch/client`, and the official `@mistralai/mistralai`. Each contender runs in
 * its own forked process against one canned server in another; rounds interleave the contenders (rotating who goes
 * first), and the figures are medians over rounds, with ratios to the baseline. Target: ours at most 1.10 times the
 * baseline's CPU on list(1,000).
 */
import { type ChildProcess, fork } from "node:child_process";
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure, median } from "../lib/stats.js";
import { CONTENDERS, type Contender, OPERATIONS, type Operation } from "./contenders.js";
import type { RoundMeasure, RoundRequest } from "./requestWorker.js";

/** Calls per round: about the same time per round whatever the operation costs. */
const CALLS: Record<Operation, number> = { list100: 150, list1000: 30, get: 500, create: 500 };

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
  const rounds = quick ? 3 : 9;
  const scale = quick ? 0.3 : 1;
  const server = await startServerProcess(scriptPath(import.meta.url, "./cannedServer.js"));
  const workers = new Map<Contender, Worker>();
  try {
    for (const contender of CONTENDERS) workers.set(contender, await startWorker(contender, server.url));
    const measures = new Map<string, RoundMeasure[]>();
    for (const operation of OPERATIONS) {
      const count = Math.max(10, Math.round(CALLS[operation] * scale));
      // One round each to warm up (JIT, connections), not counted.
      for (const contender of CONTENDERS) await workers.get(contender)?.run({ operation, count });
      for (let round = 0; round < rounds; round++) {
        for (const contender of rotated(round)) {
          const measure = await (workers.get(contender) as Worker).run({ operation, count });
          const key = `${operation}.${contender}`;
          measures.set(key, [
            ...(measures.get(key) ?? []),
            { ...measure, cpuMicros: measure.cpuMicros / count, wallMs: measure.wallMs / count },
          ]);
        }
      }
    }
    const entries: BenchEntry[] = [];
    for (const operation of OPERATIONS) {
      const per = (contender: Contender) => measures.get(`${operation}.${contender}`) as RoundMeasure[];
      const cpu = (contender: Contender) => median(per(contender).map((m) => m.cpuMicros));
      const throughput = (contender: Contender) => median(per(contender).map((m) => 1000 / m.wallMs));
      entries.push(figure(`client.${operation}.fetch.cpu`, cpu("fetch"), "µs/req"));
      for (const contender of CONTENDERS.slice(1))
        entries.push(compared(`client.${operation}.${contender}.cpu`, cpu(contender), "µs/req", cpu("fetch")));
      entries.push(figure(`client.${operation}.fetch.throughput`, throughput("fetch"), "req/s"));
      for (const contender of CONTENDERS.slice(1))
        entries.push(
          compared(`client.${operation}.${contender}.throughput`, throughput(contender), "req/s", throughput("fetch")),
        );
    }
    return entries;
  } finally {
    for (const worker of workers.values()) worker.close();
    await server.close();
  }
};
export default bench;
