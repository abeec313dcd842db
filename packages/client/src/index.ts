export {
  cancelBatchJob,
  createBatchJob,
  deleteBatchJob,
  getBatchJob,
  listBatchJobs,
  MAX_PAGE_SIZE,
} from "./batchJobs.js";
export type { MistralBatchCore, MistralBatchOptions } from "./core.js";
export { createMistralBatchCore, DEFAULT_SERVER_URL, DEFAULT_TIMEOUT_MS } from "./core.js";
export type { ValidationIssue } from "./errors.js";
export {
  ConnectionError,
  HTTPValidationError,
  InvalidRequestError,
  MistralBatchError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from "./errors.js";
export type {
  BatchError,
  BatchRequest,
  DeleteBatchJobResponse,
  DeleteFileResponse,
  ErrorResponse,
  FileObject,
  HttpValidationError,
  OrderBy,
  RetrievedFile,
} from "./generated/types.gen.js";
export type { RequestOptions } from "./internal/callOperation.js";
export { isUuid } from "./internal/validate.js";
export { MistralBatch } from "./MistralBatch.js";
export type { BackoffStrategy, RetryConfig } from "./retry.js";
export {
  backoffDelay,
  DEFAULT_BACKOFF,
  DEFAULT_RETRY_CONFIG,
  parseRetryAfter,
  RETRYABLE_STATUS_CODES,
} from "./retry.js";
export type {
  ApiEndpoint,
  BatchJob,
  BatchJobStatus,
  CreateBatchJobParams,
  GetBatchJobParams,
  JobIdParams,
  KnownApiEndpoint,
  KnownBatchJobStatus,
  ListBatchJobsParams,
  ListBatchJobsResponse,
} from "./types.js";
export { isTerminalStatus, MAX_INLINE_REQUESTS, TERMINAL_STATUSES } from "./types.js";
