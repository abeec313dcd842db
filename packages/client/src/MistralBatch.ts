import { cancelBatchJob, createBatchJob, deleteBatchJob, getBatchJob, listBatchJobs } from "./batchJobs.js";
import { createMistralBatchCore, type MistralBatchCore, type MistralBatchOptions } from "./core.js";
import type { RequestOptions } from "./internal/callOperation.js";
import type { CreateBatchJobParams, GetBatchJobParams, JobIdParams, ListBatchJobsParams } from "./types.js";

/**
 * The Mistral batch API, shaped like the official SDK:
 * `mistral.batch.jobs.list / create / get / delete / cancel`.
 *
 * @example
 * const mistral = new MistralBatch({ apiKey: process.env.MISTRAL_API_KEY });
 * const job = await mistral.batch.jobs.create({ endpoint: "/v1/moderations", model: "mistral-small-latest", requests });
 */
export class MistralBatch {
  /** The shared state of every call, for the standalone operation functions. */
  readonly core: MistralBatchCore;
  readonly batch: {
    readonly jobs: {
      list(params?: ListBatchJobsParams, options?: RequestOptions): ReturnType<typeof listBatchJobs>;
      create(params: CreateBatchJobParams, options?: RequestOptions): ReturnType<typeof createBatchJob>;
      get(params: GetBatchJobParams, options?: RequestOptions): ReturnType<typeof getBatchJob>;
      delete(params: JobIdParams, options?: RequestOptions): ReturnType<typeof deleteBatchJob>;
      cancel(params: JobIdParams, options?: RequestOptions): ReturnType<typeof cancelBatchJob>;
    };
  };

  constructor(options: MistralBatchOptions = {}) {
    const core = createMistralBatchCore(options);
    this.core = core;
    this.batch = {
      jobs: {
        list: (params, callOptions) => listBatchJobs(core, params, callOptions),
        create: (params, callOptions) => createBatchJob(core, params, callOptions),
        get: (params, callOptions) => getBatchJob(core, params, callOptions),
        delete: (params, callOptions) => deleteBatchJob(core, params, callOptions),
        cancel: (params, callOptions) => cancelBatchJob(core, params, callOptions),
      },
    };
  }
}
