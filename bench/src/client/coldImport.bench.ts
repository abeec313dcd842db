/**
 * Cold import time: fresh `node` processes that import `@mistral-batch/client`, or the official
 * `@mistralai/mistralai`, against bare `node -e ""`, interleaved; the figure is the median of the per-repetition
 * differences. An empty ES module eval is reported too, as the part of the difference that is Node's ESM loader
 * itself. Target: ours under 25 ms added.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { compared, figure, median } from "../lib/stats.js";

// Resolved from the bench package, whose node_modules holds both clients.
const cwd = fileURLToPath(new URL("../../", import.meta.url));
const TARGET_MS = 25;

const CONTENDERS = {
  bare: ["-e", ""],
  esmEmpty: ["--input-type=module", "-e", ""],
  ours: ["--input-type=module", "-e", 'import "@mistral-batch/client";'],
  official: ["--input-type=module", "-e", 'import "@mistralai/mistralai";'],
} as const;
type Contender = keyof typeof CONTENDERS;

/** Milliseconds from spawning `node args` to its exit; rejects unless it exits with 0. */
function timeNode(args: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`node ${args.join(" ")} exited with ${code}`)),
    );
  });
}

const bench: Bench = async ({ quick }) => {
  const repetitions = quick ? 8 : 40;
  const names = Object.keys(CONTENDERS) as Contender[];
  const times = new Map<Contender, number[]>(names.map((name) => [name, []]));
  await Promise.all(names.map((name) => timeNode(CONTENDERS[name]))); // warms the file system cache
  for (let i = 0; i < repetitions; i++) {
    // Rotate the order so that no contender always follows the same one.
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length] as Contender;
      times.get(name)?.push(await timeNode(CONTENDERS[name]));
    }
  }
  const bare = times.get("bare") as number[];
  const added = (name: Contender) => median((times.get(name) as number[]).map((ms, i) => ms - (bare[i] as number)));
  const entries: BenchEntry[] = [figure("client.import.bare.time", median(bare), "ms")];
  entries.push(figure("client.import.esmEmpty.added", added("esmEmpty"), "ms"));
  entries.push(compared("client.import.ours.added", added("ours"), "ms", TARGET_MS));
  entries.push(figure("client.import.official.added", added("official"), "ms"));
  return entries;
};
export default bench;
