/**
 * Child process: reads one generated output file and prints what it measured
 * as JSON: `{ seconds, bytes, count, peakRssMb }`. Run alone in its process so
 * that the peak RSS belongs to this one reader.
 *
 * Usage: node consumeResults.js <results|baseline> <serverUrl> <lines>
 */
import { MistralBatch } from "@mistral-batch/client";
import { LINE_BYTES } from "./lineBytes.js";

const [mode, server, linesArg] = process.argv.slice(2);
const lines = Number(linesArg);
const serverURL = `${server}/lines/${lines}`;
const FILE_ID = "00000000-0000-4000-8000-000000000001";
const JOB_ID = "00000000-0000-4000-8000-000000000002";

/** What a user writes without the kit: the whole body in memory, split, parsed. */
async function baseline(): Promise<number> {
  const res = await fetch(`${serverURL}/v1/files/${FILE_ID}/content`);
  const text = await res.text();
  let count = 0;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const result = JSON.parse(line) as { custom_id: string };
    if (result.custom_id) count++;
  }
  return count;
}

/** The kit: `batch.jobs.results(job)` streaming the output file line by line. */
async function viaResults(): Promise<number> {
  const mistral = new MistralBatch({ apiKey: "bench", serverURL });
  const job = {
    id: JOB_ID,
    status: "SUCCESS",
    output_file: FILE_ID,
    error_file: null,
    input_files: [],
    endpoint: "/v1/chat/completions",
    errors: [],
    created_at: 0,
    total_requests: lines,
    completed_requests: lines,
    succeeded_requests: lines,
    failed_requests: 0,
  };
  let count = 0;
  for await (const result of mistral.batch.jobs.results(job)) if (result.custom_id) count++;
  return count;
}

const started = performance.now();
const count = mode === "baseline" ? await baseline() : await viaResults();
const seconds = (performance.now() - started) / 1000;
if (count !== lines) throw new Error(`${mode}: read ${count} results, expected ${lines}`);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, bytes: lines * LINE_BYTES, count, peakRssMb }));
