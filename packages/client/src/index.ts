export {
  cancelBatchJob,
  createBatchJob,
  deleteBatchJob,
  getBatchJob,
  listBatchJobs,
  MAX_PAGE_SIZE,
} from "./batchJobs.js";
export { BATCH_INPUT_ISSUE, checkCreateBatchJob } from "./checkCreateBatchJob.js";
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
export type { FileIdParams } from "./files.js";
export { deleteFile, downloadFile, getFileSignedUrl, listFiles, retrieveFile } from "./files.js";
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
export type { RequestOptions } from "./internal/callOperation.js";
export { jsonTextNestsDeeperThan, MAX_JSON_DEPTH, nestsDeeperThan } from "./internal/jsonDepth.js";
export type { BatchRunRequests } from "./internal/prepareBatchInput.js";
export { MAX_INLINE_BYTES } from "./internal/prepareBatchInput.js";
export { isUuid } from "./internal/validate.js";
export type { KnownValuesOption } from "./internal/validationIssues.js";
export type { BatchResult } from "./jobs/batchResults.js";
export { batchResults } from "./jobs/batchResults.js";
export type { CreateBatchJobOptions } from "./jobs/createBatchJobOnce.js";
export { createBatchJobOnce, findBatchJobByKey, IDEMPOTENCY_METADATA_KEY } from "./jobs/createBatchJobOnce.js";
export type { IterateBatchJobsParams } from "./jobs/iterateBatchJobs.js";
export { iterateBatchJobs } from "./jobs/iterateBatchJobs.js";
export type { BatchJobProgress, WaitForBatchJobOptions } from "./jobs/waitForBatchJob.js";
export { waitForBatchJob } from "./jobs/waitForBatchJob.js";
export type { JsonlValues, ParseJsonlOptions } from "./jsonl/parseJsonl.js";
export { parseJsonl } from "./jsonl/parseJsonl.js";
export type { JsonlSource } from "./jsonl/readChunks.js";
export { toJsonl } from "./jsonl/toJsonl.js";
export { validateBatchRequests } from "./jsonl/validateBatchRequests.js";
export { MistralBatch } from "./MistralBatch.js";
export type { FileListQueryReading } from "./readFileListQuery.js";
export { readFileListQuery } from "./readFileListQuery.js";
export type { ListQueryReading } from "./readListQuery.js";
export { isExplodedMetadataKey, readListQuery } from "./readListQuery.js";
export type { SignedUrlQueryReading } from "./readSignedUrlQuery.js";
export { readSignedUrlQuery } from "./readSignedUrlQuery.js";
export type { UploadFieldsReading } from "./readUploadFields.js";
export { readUploadFields } from "./readUploadFields.js";
export type { BackoffStrategy, RetryConfig } from "./retry.js";
export {
  backoffDelay,
  DEFAULT_BACKOFF,
  DEFAULT_RETRY_CONFIG,
  parseRetryAfter,
  RETRYABLE_STATUS_CODES,
} from "./retry.js";
export type { RunBatchOptions, RunBatchParams, RunBatchResult } from "./runBatch.js";
export { runBatch } from "./runBatch.js";
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
export {
  isTerminalStatus,
  KNOWN_API_ENDPOINTS,
  KNOWN_BATCH_JOB_STATUSES,
  MAX_INLINE_REQUESTS,
  MAX_TIMEOUT_HOURS,
  TERMINAL_STATUSES,
} from "./types.js";
export type { UploadFileParams, UploadSource } from "./uploadFile.js";
export { DEFAULT_UPLOAD_TIMEOUT_MS, uploadFile } from "./uploadFile.js";
