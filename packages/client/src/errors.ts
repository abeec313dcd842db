/**
 * Every error this package throws is a `MistralBatchError`, so one `instanceof`
 * check catches them all. Subclasses say what went wrong; `cause` keeps the
 * underlying error when there is one.
 */
export class MistralBatchError extends Error {
  override name = "MistralBatchError";
}

/** Any 4XX or 5XX answer from the API. */
export class SDKError extends MistralBatchError {
  override name = "SDKError";
  /** The HTTP status code. */
  declare readonly statusCode: number;
  /** The response body: parsed JSON, or the raw text when it is not JSON. */
  declare readonly body: unknown;
  /** The response headers. */
  declare readonly headers: Headers;

  // The fields are declared, not defined, and copied from `init` in one step (HTTPValidationError's `detail` too): the
  // error classes ride in every bundle of the client.
  constructor(
    message: string,
    init: { statusCode: number; body: unknown; headers: Headers; detail?: ValidationIssue[] | undefined },
  ) {
    super(message);
    Object.assign(this, init);
  }
}

/** One entry of a 422 answer's `detail`, as FastAPI writes it. */
export interface ValidationIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
  /** The value at fault. */
  input?: unknown;
  /** What the rule expected, e.g. `{ le: 168 }`. */
  ctx?: Record<string, unknown>;
}

/** A 422 answer: the API refused the request's fields, listed in `detail`. */
export class HTTPValidationError extends SDKError {
  override name = "HTTPValidationError";
  declare readonly detail: ValidationIssue[];
}

/** The request was refused before it was sent: `field` says which input is wrong. */
export class InvalidRequestError extends MistralBatchError {
  override name = "InvalidRequestError";
  /** The parameter at fault, e.g. `job_id` or `requests[3].body`. */
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`Invalid ${field}: ${reason}`);
    this.field = field;
  }
}

/** A 2XX answer whose body could not be read as the operation's result. */
export class ResponseValidationError extends MistralBatchError {
  override name = "ResponseValidationError";
}

/** The server could not be reached, or the connection broke. */
export class ConnectionError extends MistralBatchError {
  override name = "ConnectionError";
}

/** The call did not finish within its `timeoutMs`. */
export class RequestTimeoutError extends MistralBatchError {
  override name = "RequestTimeoutError";
}

/** The caller's `AbortSignal` stopped the call. */
export class RequestAbortedError extends MistralBatchError {
  override name = "RequestAbortedError";
}

/** A JSONL line that is not valid JSON. */
export class JsonlParseError extends MistralBatchError {
  override name = "JsonlParseError";
  /** The 1-based number of the bad line in its file or stream. */
  readonly lineNumber: number;
  /** The line as read, without its line break. */
  readonly line: string;

  constructor(lineNumber: number, line: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? options.cause.message : "not valid JSON";
    super(`JSONL line ${lineNumber}: ${reason}`, options);
    this.lineNumber = lineNumber;
    this.line = line;
  }
}

/** One problem `validateBatchRequests` found: the 1-based line and what is wrong with it. */
export interface BatchRequestIssue {
  lineNumber: number;
  message: string;
}

/** Batch requests that would be refused: `issues` lists every bad line (up to a cap), before anything is sent. */
export class BatchValidationError extends MistralBatchError {
  override name = "BatchValidationError";
  readonly issues: BatchRequestIssue[];

  constructor(issues: BatchRequestIssue[]) {
    const shown = issues
      .slice(0, 5)
      .map((issue) => `line ${issue.lineNumber}: ${issue.message}`)
      .join("; ");
    super(`Invalid batch requests: ${shown}${issues.length > 5 ? `; and ${issues.length - 5} more` : ""}`);
    this.issues = issues;
  }
}

/**
 * `batch.jobs.results` read fewer results than the finished job counts
 * (`succeeded_requests + failed_requests`): its files or inline outputs ended
 * early.
 */
export class IncompleteResultsError extends MistralBatchError {
  override name = "IncompleteResultsError";
  /** The job whose results fell short. */
  readonly jobId: string;
  /** How many results the job's counts promise. */
  readonly expected: number;
  /** How many were read. */
  readonly read: number;

  constructor(jobId: string, expected: number, read: number) {
    super(`Job ${jobId}: read ${read} of its ${expected} results, ${expected - read} missing`);
    this.jobId = jobId;
    this.expected = expected;
    this.read = read;
  }
}

/** `batch.jobs.wait` gave up after its `timeoutMs`; the job itself keeps running. */
export class WaitTimeoutError extends MistralBatchError {
  override name = "WaitTimeoutError";
  /** The job that did not finish in time. */
  readonly jobId: string;

  constructor(jobId: string, timeoutMs: number) {
    super(`Job ${jobId} did not finish within ${timeoutMs} ms`);
    this.jobId = jobId;
  }
}
