import { createMistralBatchCore, type MistralBatchCore, type MistralBatchOptions } from "./core.js";
import type { GetSignedUrlParams, ListFilesParams } from "./fileTypes.js";
import { cancelBatchJob, createBatchJob, deleteBatchJob, getBatchJob, listBatchJobs } from "./operations/batchJobs.js";
import {
  deleteFile,
  downloadFile,
  type FileIdParams,
  getFileSignedUrl,
  listFiles,
  retrieveFile,
} from "./operations/files.js";
import { type UploadFileParams, uploadFile } from "./operations/uploadFile.js";
import type { RequestOptions } from "./transport/callOperation.js";
import type { BatchJob, CreateBatchJobParams, GetBatchJobParams, JobIdParams, ListBatchJobsParams } from "./types.js";
import { batchResults } from "./workflows/batchResults.js";
import { type CreateBatchJobOptions, createBatchJobOnce } from "./workflows/createBatchJobOnce.js";
import { followBatchJob } from "./workflows/followBatchJob.js";
import { type IterateBatchJobsParams, iterateBatchJobs } from "./workflows/iterateBatchJobs.js";
import { type RunBatchOptions, type RunBatchParams, runBatch } from "./workflows/runBatch.js";
import { type RetryFailedOptions, retryFailed } from "./workflows/runs/retryFailed.js";
import { type WaitForBatchJobOptions, waitForBatchJob } from "./workflows/waitForBatchJob.js";

/**
 * The Mistral batch API, shaped like the official SDK:
 * `mistral.batch.jobs.list / create / get / delete / cancel`, the workflow
 * helpers `mistral.batch.jobs.iterate / wait / results / retryFailed` and `mistral.batch.run`,
 * and `mistral.files.upload / list / retrieve / delete / download / getSignedUrl`.
 *
 * @example
 * const mistral = new MistralBatch({ apiKey: process.env.MISTRAL_API_KEY });
 * const run = await mistral.batch.run({ endpoint: "/v1/moderations", model: "mistral-moderation-latest", requests });
 */
export class MistralBatch {
  /** The shared state of every call, for the standalone operation functions. */
  readonly core: MistralBatchCore;
  readonly batch: {
    readonly jobs: {
      /** A page of jobs, newest first by default: see `listBatchJobs`. */
      list(params?: ListBatchJobsParams, options?: RequestOptions): ReturnType<typeof listBatchJobs>;
      /** With `idempotencyKey`, creates the job exactly once: see `createBatchJobOnce`. */
      create(params: CreateBatchJobParams, options?: CreateBatchJobOptions): ReturnType<typeof createBatchJob>;
      /** One job; with `inline: true`, its results in `outputs`: see `getBatchJob`. */
      get(params: GetBatchJobParams, options?: RequestOptions): ReturnType<typeof getBatchJob>;
      /** Deletes a job: see `deleteBatchJob`. */
      delete(params: JobIdParams, options?: RequestOptions): ReturnType<typeof deleteBatchJob>;
      /** Asks for a job's cancellation: see `cancelBatchJob`. */
      cancel(params: JobIdParams, options?: RequestOptions): ReturnType<typeof cancelBatchJob>;
      /** Every job across pages, each once: see `iterateBatchJobs`. */
      iterate(params?: IterateBatchJobsParams, options?: RequestOptions): ReturnType<typeof iterateBatchJobs>;
      /** Polls until the job is finished: see `waitForBatchJob`. */
      wait(params: JobIdParams, options?: WaitForBatchJobOptions): ReturnType<typeof waitForBatchJob>;
      /** Streams a finished job's results: see `batchResults`. */
      results<TBody = unknown>(job: BatchJob, options?: RequestOptions): ReturnType<typeof batchResults<TBody>>;
      /** The job each time it changes, from a proxy's live events: see `followBatchJob`. */
      follow(params: JobIdParams, options?: RequestOptions): ReturnType<typeof followBatchJob>;
      /** Creates one job, once, from a finished job's failed lines: see `retryFailed`. */
      retryFailed(job: BatchJob, options?: RetryFailedOptions): ReturnType<typeof retryFailed>;
    };
    /** Runs requests of any number through as many jobs as they need, durably: see `runBatch`. */
    run<TBody = unknown>(params: RunBatchParams, options?: RunBatchOptions): ReturnType<typeof runBatch<TBody>>;
  };
  readonly files: {
    /** Uploads a Blob, bytes, a stream or (async) iterable of requests: see `uploadFile`. */
    upload(params: UploadFileParams, options?: RequestOptions): ReturnType<typeof uploadFile>;
    /** A page of files, filtered: see `listFiles`. */
    list(params?: ListFilesParams, options?: RequestOptions): ReturnType<typeof listFiles>;
    /** A file's description: see `retrieveFile`. */
    retrieve(params: FileIdParams, options?: RequestOptions): ReturnType<typeof retrieveFile>;
    /** Deletes a file: see `deleteFile`. */
    delete(params: FileIdParams, options?: RequestOptions): ReturnType<typeof deleteFile>;
    /** The file's content as a byte stream. */
    download(params: FileIdParams, options?: RequestOptions): ReturnType<typeof downloadFile>;
    /** A URL that downloads the file without the API key, for `expiry` hours (1 to 168, default 24). */
    getSignedUrl(params: GetSignedUrlParams, options?: RequestOptions): ReturnType<typeof getFileSignedUrl>;
  };

  constructor(options: MistralBatchOptions = {}) {
    const core = createMistralBatchCore(options);
    this.core = core;
    this.batch = {
      jobs: {
        list: (params, callOptions) => listBatchJobs(core, params, callOptions),
        create: (params, callOptions) =>
          callOptions?.idempotencyKey === undefined
            ? createBatchJob(core, params, callOptions)
            : createBatchJobOnce(core, params, { ...callOptions, idempotencyKey: callOptions.idempotencyKey }),
        get: (params, callOptions) => getBatchJob(core, params, callOptions),
        delete: (params, callOptions) => deleteBatchJob(core, params, callOptions),
        cancel: (params, callOptions) => cancelBatchJob(core, params, callOptions),
        iterate: (params, callOptions) => iterateBatchJobs(core, params, callOptions),
        wait: (params, waitOptions) => waitForBatchJob(core, params, waitOptions),
        results: (job, callOptions) => batchResults(core, job, callOptions),
        follow: (params, callOptions) => followBatchJob(core, params, callOptions),
        retryFailed: (job, retryOptions) => retryFailed(core, job, retryOptions),
      },
      run: (params, runOptions) => runBatch(core, params, runOptions),
    };
    this.files = {
      upload: (params, callOptions) => uploadFile(core, params, callOptions),
      list: (params, callOptions) => listFiles(core, params, callOptions),
      retrieve: (params, callOptions) => retrieveFile(core, params, callOptions),
      delete: (params, callOptions) => deleteFile(core, params, callOptions),
      download: (params, callOptions) => downloadFile(core, params, callOptions),
      getSignedUrl: (params, callOptions) => getFileSignedUrl(core, params, callOptions),
    };
  }
}
