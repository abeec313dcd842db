/**
 * Child process: runs one compiled bench file and sends its entries to the parent over IPC. Each bench gets a
 * process of its own, so none measures on a heap, a JIT state or sockets another bench left behind.
 *
 * Usage (forked by `index.ts`, with --expose-gc): node runBench.js <file.bench.js> [--quick]
 */
import { pathToFileURL } from "node:url";
import type { Bench } from "./BenchEntry.js";

const [file, flag] = process.argv.slice(2);
if (!file || !process.send) throw new Error("runBench.js is forked by the bench runner with a bench file");
const { default: bench } = (await import(pathToFileURL(file).href)) as { default: Bench };
const entries = await bench({ quick: flag === "--quick" });
process.send(entries, () => process.disconnect());
