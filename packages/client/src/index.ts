export type { MistralBatchCore, MistralBatchOptions } from "./core.js";
export { createMistralBatchCore, DEFAULT_SERVER_URL, DEFAULT_TIMEOUT_MS } from "./core.js";
export type { BatchRequestIssue, ValidationIssue } from "./errors.js";
export {
  BatchValidationError,
  ConnectionError,
  HTTPValidationError,
  IncompleteResultsError,
  InvalidRequestError,
  JsonlParseError,
  MistralBatchError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
  WaitTimeoutError,
} from "./errors.js";
export type { GetSignedUrlParams, ListFilesParams } from "./fileTypes.js";
export {
  KNOWN_FILE_PURPOSES,
  KNOWN_FILE_SOURCES,
  KNOWN_FILE_VISIBILITIES,
  KNOWN_SAMPLE_TYPES,
  SIGNED_URL_EXPIRY_HOURS,
} from "./fileTypes.js";
export type {
  BatchError,
  BatchRequest,
  DeleteBatchJobResponse,
  DeleteFileResponse,
  ErrorResponse,
  FileObject,
  FilePurpose,
  FileSource,
  FileVisibility,
  GetSignedUrlResponse,
  HttpValidationError,
  ListFilesResponse,
  OrderBy,
  RetrievedFile,
  SampleType,
} from "./generated/types.gen.js";
export type { JsonlValues, ParseJsonlOptions } from "./jsonl/parseJsonl.js";
export { parseJsonl } from "./jsonl/parseJsonl.js";
export type { JsonlSource } from "./jsonl/readChunks.js";
export { toJsonl } from "./jsonl/toJsonl.js";
export { validateBatchRequests } from "./jsonl/validateBatchRequests.js";
export { MistralBatch } from "./MistralBatch.js";
export { cancelBatchJob, createBatchJob, deleteBatchJob, getBatchJob, listBatchJobs } from "./operations/batchJobs.js";
export type { FileIdParams } from "./operations/files.js";
export { deleteFile, downloadFile, getFileSignedUrl, listFiles, retrieveFile } from "./operations/files.js";
export type { UploadFileParams, UploadProgress, UploadSource } from "./operations/uploadFile.js";
export { DEFAULT_UPLOAD_TIMEOUT_MS, uploadFile } from "./operations/uploadFile.js";
export type { RequestOptions } from "./transport/callOperation.js";
export type { BackoffStrategy, RetryConfig } from "./transport/retry.js";
export {
  backoffDelay,
  DEFAULT_BACKOFF,
  DEFAULT_RETRY_CONFIG,
  parseRetryAfter,
  RETRYABLE_STATUS_CODES,
} from "./transport/retry.js";
export type {
  AcceptUndefined,
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
export {
  isTerminalStatus,
  KNOWN_API_ENDPOINTS,
  KNOWN_BATCH_JOB_STATUSES,
  MAX_INLINE_BYTES,
  MAX_INLINE_REQUESTS,
  MAX_TIMEOUT_HOURS,
  TERMINAL_STATUSES,
} from "./types.js";
export type { BatchResult } from "./workflows/batchResults.js";
export { batchResults } from "./workflows/batchResults.js";
export type { CreateBatchJobOptions } from "./workflows/createBatchJobOnce.js";
export { createBatchJobOnce, findBatchJobByKey, IDEMPOTENCY_METADATA_KEY } from "./workflows/createBatchJobOnce.js";
export { followBatchJob } from "./workflows/followBatchJob.js";
export type { IterateBatchJobsParams } from "./workflows/iterateBatchJobs.js";
export { iterateBatchJobs } from "./workflows/iterateBatchJobs.js";
export type { PollSchedule } from "./workflows/pollSchedule.js";
export { DEFAULT_POLL_SCHEDULE, pollDelay } from "./workflows/pollSchedule.js";
export type { RunBatchOptions, RunBatchParams, RunBatchResult } from "./workflows/runBatch.js";
export { runBatch } from "./workflows/runBatch.js";
export type { BatchRunRequests } from "./workflows/runs/createRunInput.js";
export type { RunProgress } from "./workflows/runs/createRunTally.js";
export { RUN_ID_METADATA_KEY, RUN_PART_METADATA_KEY } from "./workflows/runs/driveRun.js";
export type { RunManifest, RunPart, RunStore } from "./workflows/runs/RunStore.js";
export { createMemoryRunStore } from "./workflows/runs/RunStore.js";
export type { RetryFailedOptions } from "./workflows/runs/retryFailed.js";
export { RETRY_OF_METADATA_KEY, retryFailed } from "./workflows/runs/retryFailed.js";
export { RunCancelledError, RunLockedError } from "./workflows/runs/runErrors.js";
export type { RunPrices, RunResult, RunSummary, RunUsage } from "./workflows/runs/runResults.js";
export type { BatchJobProgress, WaitForBatchJobOptions } from "./workflows/waitForBatchJob.js";
export { isTransientError, waitForBatchJob } from "./workflows/waitForBatchJob.js";
