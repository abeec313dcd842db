import { DEFAULT_SERVER_URL, SIGNED_URL_EXPIRY_HOURS } from "@mistral-batch/client";
import { createFaultInjector } from "./createFaultInjector.js";
import { createClock } from "./internal/clock.js";
import { createJobResults } from "./internal/createJobResults.js";
import { createJobStore } from "./internal/createJobStore.js";
import { createSignedUrls } from "./internal/createSignedUrls.js";
import { FileStore, type StoredFile } from "./internal/fileStore.js";
import { filterFiles } from "./internal/filterFiles.js";
import { pageOf } from "./internal/pageOf.js";
import { readSimulatorSettings } from "./internal/simulatorSettings.js";
import type { BatchSimulator, BatchSimulatorOptions } from "./types.js";

/**
 * Creates an in-memory Mistral batch API: jobs and files, a clock the tests control, job progress derived from that
 * clock, deterministic results and fault injection. `batchHandlers` serves it over msw; the `./node` entry over HTTP.
 *
 * @example
 * const simulator = createBatchSimulator({ jobDurationMs: 60_000, failureRate: 0.1 });
 * const job = simulator.createJob({ endpoint: "/v1/chat/completions", requests: [{ body: { messages: [] } }] });
 * simulator.clock.advance(61_000 + 1_000);
 * simulator.getJob(job.id).status; // "SUCCESS"
 */
export function createBatchSimulator(options: BatchSimulatorOptions = {}): BatchSimulator {
  const settings = readSimulatorSettings(options);
  const clock = createClock(settings.clock);
  const faults = createFaultInjector();
  const files = new FileStore(clock);
  const results = createJobResults(files);
  const jobs = createJobStore({ clock, files, results, settings });
  const signedUrls = createSignedUrls(clock);

  function findFile(fileId: string, caller: string | undefined): StoredFile {
    // A finished job's files exist once it is seen finished; looking one up counts as seeing it.
    results.reveal(fileId, clock.now());
    return files.lookup(fileId, caller);
  }

  return {
    clock,
    faults,
    apiKey: options.apiKey,
    createJob: (params, { caller } = {}) => jobs.create(params, caller),
    listJobs: (query = {}, { caller } = {}) => jobs.list(query, caller),
    getJob: (jobId, { inline } = {}) => jobs.get(jobId, inline === true),
    cancelJob: (jobId) => jobs.cancel(jobId),
    deleteJob: (jobId) => jobs.delete(jobId),
    failJob: (jobId, message) => jobs.fail(jobId, message),
    uploadFile: (input, { caller } = {}) => files.describe(files.upload(input, caller)),
    listFiles(query = {}, { caller } = {}) {
      results.storeFinished(jobs.records(), clock.now());
      const matches = filterFiles(files.list(caller), query);
      const data = pageOf(matches, query).map((file) => files.describe(file));
      return { data, object: "list", total: query.include_total === false ? null : matches.length };
    },
    getFile: (fileId, { caller } = {}) => ({ ...files.describe(findFile(fileId, caller)), deleted: false }),
    deleteFile(fileId, { caller } = {}) {
      findFile(fileId, caller);
      files.delete(fileId);
      return { id: fileId, object: "file", deleted: true };
    },
    fileContent: (fileId, { caller } = {}) => files.content(findFile(fileId, caller)),
    getSignedUrl(fileId, { expiry = SIGNED_URL_EXPIRY_HOURS.default, caller, baseUrl = DEFAULT_SERVER_URL } = {}) {
      findFile(fileId, caller);
      return { url: signedUrls.sign(fileId, expiry, baseUrl) };
    },
    signedFileContent(fileId, signature) {
      signedUrls.check(fileId, signature);
      // The URL grants what its caller could see when it was made.
      return files.content(findFile(fileId, undefined));
    },
    reset() {
      jobs.clear();
      results.clear();
      signedUrls.clear();
      files.clear();
      faults.clear();
    },
  };
}
