/**
 * Child process (forked with IPC), one per contender, so that no contender's modules, heap or JIT state touch
 * another's. Usage: fork(requestWorker.js, [contender, serverUrl]); each message `{ operation, count }` runs that
 * many sequential calls and answers `{ cpuMicros, wallMs }` measured around them.
 */
import { type Contender, contenderCalls, type Operation } from "./contenders.js";

/** What the parent asks for. */
export interface RoundRequest {
  operation: Operation;
  count: number;
}

/** What one round measured: CPU time of this process (user + system) and wall time, around `count` calls. */
export interface RoundMeasure {
  cpuMicros: number;
  wallMs: number;
}

const [contender, serverUrl] = process.argv.slice(2) as [Contender, string];
const calls = contenderCalls(contender, serverUrl);

process.on("message", async ({ operation, count }: RoundRequest) => {
  const call = calls[operation];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  process.send?.({ cpuMicros: user + system, wallMs } satisfies RoundMeasure);
});
process.send?.("ready");
