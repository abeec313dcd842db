import { DEFAULT_SERVER_URL } from "@mistral-batch/client";
import { isExplodedMetadataKey, matchApiRoute } from "@mistral-batch/client/contract";
import {
  DEFAULT_EVENT_STREAM_OPTIONS,
  DEFAULT_LIMITS,
  DEFAULT_OWNER_METADATA_KEY,
  DEFAULT_PROXY_TIMEOUT_MS,
} from "../../defaults.js";
import type { EventStreamOptions, MistralBatchProxyOptions, ProxyOperation, ProxyUser } from "../../types.js";
import { JobWatchers } from "../events/JobWatchers.js";
import {
  deleteFile,
  downloadFile,
  getSignedUrl,
  listFiles,
  retrieveFile,
  uploadFile,
} from "../operations/fileOperations.js";
import { streamJobEvents } from "../operations/jobEvents.js";
import { cancelJob, createJob, deleteJob, getJob, listJobs } from "../operations/jobOperations.js";
import { createFileTagger } from "../ownership/fileTag.js";
import type { UpstreamTransport } from "../upstream/transport.js";
import { internalError, methodNotAllowed, ProxyError, routeNotFound, unauthorized } from "./errors.js";
import { jsonAnswer, type ProxyAnswer } from "./ProxyAnswer.js";
import type { CoreRequest, OperationInput, ProxyContext } from "./ProxyContext.js";
import { hasLoneSurrogate } from "./wellFormed.js";

type Operation = (context: ProxyContext, input: OperationInput) => Promise<ProxyAnswer>;

const OPERATIONS: Record<ProxyOperation, Operation> = {
  "batch.jobs.list": listJobs,
  "batch.jobs.create": createJob,
  "batch.jobs.get": getJob,
  "batch.jobs.delete": deleteJob,
  "batch.jobs.cancel": cancelJob,
  "batch.jobs.events": streamJobEvents,
  "files.upload": uploadFile,
  "files.list": listFiles,
  "files.retrieve": retrieveFile,
  "files.delete": deleteFile,
  "files.download": downloadFile,
  "files.getSignedUrl": getSignedUrl,
};

/**
 * Answers one proxied request; `raw` is what `authorize` receives. `errorAnswer` answers an error raised outside
 * the core (by an adapter or its host), with the proxy's key redacted as in every answer.
 */
export interface ProxyCore<TRequest> {
  (request: CoreRequest, raw: TRequest): Promise<ProxyAnswer>;
  errorAnswer(error: unknown): ProxyAnswer;
}

/**
 * The proxy itself, under both adapters: routes, authorizes, validates, checks
 * ownership, calls the upstream and answers. It never throws: every failure
 * becomes a JSON error, and the API key never appears in an answer.
 */
export function createProxyCore<TRequest>(
  options: MistralBatchProxyOptions<TRequest>,
  transportFor: (serverUrl: string) => UpstreamTransport,
): ProxyCore<TRequest> {
  const context = resolveContext(options, transportFor);
  const secret = context.upstream.apiKey;
  const core = async (request: CoreRequest, raw: TRequest): Promise<ProxyAnswer> => {
    const started = performance.now();
    const { path, query } = splitUrl(request.url);
    const route = matchRoute(request.method, path);
    let userId: string | null = null;
    let answer: ProxyAnswer;
    try {
      if (route.operation === null) throw routeMiss(route.allow);
      userId = await authorizeOrThrow(options.authorize, raw);
      answer = await OPERATIONS[route.operation](context, {
        userId,
        id: route.id,
        query,
        headers: request.headers,
        body: request.body,
        onGone: request.onGone,
      });
    } catch (error) {
      answer = errorAnswer(error, secret);
    }
    notify(options, {
      operation: route.operation,
      method: request.method,
      path,
      userId,
      status: answer.status,
      durationMs: performance.now() - started,
    });
    return answer;
  };
  return Object.assign(core, { errorAnswer: (error: unknown) => errorAnswer(error, secret) });
}

/** The proxy's own route, outside the API's paths: live events of one job. */
const EVENTS_PREFIX = "/events/batch/jobs/";

interface Route {
  operation: ProxyOperation | null;
  id: string | null;
  /** The methods the path has, when it has none for this one. */
  allow: string[];
}

function matchRoute(method: string, path: string): Route {
  if (
    path.startsWith(EVENTS_PREFIX) &&
    path.length > EVENTS_PREFIX.length &&
    !path.includes("/", EVENTS_PREFIX.length)
  ) {
    const id = path.slice(EVENTS_PREFIX.length);
    return method === "GET"
      ? { operation: "batch.jobs.events", id, allow: [] }
      : { operation: null, id, allow: ["GET"] };
  }
  const route = matchApiRoute(method, path);
  if (route.operation === null) return { operation: null, id: null, allow: route.allow };
  return { operation: route.operation, id: route.params.job_id ?? route.params.file_id ?? null, allow: [] };
}

// Split by hand: `new URL` would read a leading "//host" as an authority.
function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const mark = url.indexOf("?");
  return mark === -1
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, mark), query: new URLSearchParams(url.slice(mark + 1)) };
}

function resolveContext<TRequest>(
  options: MistralBatchProxyOptions<TRequest>,
  transportFor: (serverUrl: string) => UpstreamTransport,
): ProxyContext {
  if (typeof options?.apiKey !== "string" || options.apiKey.length === 0) {
    throw new TypeError("mistralBatchProxy: `apiKey` is required");
  }
  if (typeof options.authorize !== "function") throw new TypeError("mistralBatchProxy: `authorize` is required");
  const ownerKey = options.ownerMetadataKey ?? DEFAULT_OWNER_METADATA_KEY;
  if (ownerKey.length < 1 || ownerKey.length > 32) {
    throw new TypeError("mistralBatchProxy: `ownerMetadataKey` must have 1 to 32 characters");
  }
  if (!isExplodedMetadataKey(ownerKey)) {
    // The owner filter goes upstream as `?<ownerMetadataKey>=<user>`, where a list parameter's name would be misread.
    throw new TypeError(`mistralBatchProxy: \`ownerMetadataKey\` cannot be a list parameter name (${ownerKey})`);
  }
  const upstream = {
    apiKey: options.apiKey,
    transport: transportFor(options.serverURL ?? DEFAULT_SERVER_URL),
    timeoutMs: options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS,
  };
  return {
    upstream,
    events: new JobWatchers(upstream, eventOptions(options.events)),
    // `??`, not a spread: an explicit undefined (an unset environment variable) keeps the default.
    limits: {
      jsonBody: options.limits?.jsonBody ?? DEFAULT_LIMITS.jsonBody,
      upload: options.limits?.upload ?? DEFAULT_LIMITS.upload,
    },
    ownerKey,
    tagOf: createFileTagger(options.apiKey),
  };
}

function eventOptions(options: EventStreamOptions | undefined): Record<keyof EventStreamOptions, number> {
  const resolved = { ...DEFAULT_EVENT_STREAM_OPTIONS };
  for (const name of Object.keys(resolved) as (keyof EventStreamOptions)[]) {
    const value = options?.[name] ?? resolved[name]; // an explicit undefined keeps the default
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`mistralBatchProxy: \`events.${name}\` must be a positive integer`);
    }
    resolved[name] = value;
  }
  return resolved;
}

async function authorizeOrThrow<TRequest>(
  authorize: MistralBatchProxyOptions<TRequest>["authorize"],
  raw: TRequest,
): Promise<string> {
  let user: ProxyUser | null | undefined;
  try {
    user = await authorize(raw);
  } catch {
    user = null;
  }
  const userId = user?.userId;
  // The id is stored as a metadata value, which the API caps at 512 characters.
  // An id with a lone surrogate is not well-formed Unicode: UTF-8 (the file tag's HMAC input, and the
  // upstream's JSON) turns each into U+FFFD, so `a\uD800`, `a\uDFFF` and `a\uFFFD` would share files, and
  // jobs on an upstream that stores text as UTF-8. Refused rather than encoded otherwise, so the tags of
  // every well-formed id stay as they were.
  if (typeof userId !== "string" || userId.length < 1 || userId.length > 512 || hasLoneSurrogate(userId)) {
    throw unauthorized();
  }
  return userId;
}

function routeMiss(allow: string[]): ProxyError {
  return allow.length === 0 ? routeNotFound() : methodNotAllowed(allow);
}

/** The answer to anything thrown: a `ProxyError` as itself, anything else (a bug of ours) as a bare 500. */
function errorAnswer(error: unknown, secret: string): ProxyAnswer {
  const known = error instanceof ProxyError ? error : internalError();
  return jsonAnswer(known.status, known.body, secret, known.headers);
}

function notify<TRequest>(
  options: MistralBatchProxyOptions<TRequest>,
  event: Parameters<NonNullable<MistralBatchProxyOptions<TRequest>["onRequest"]>>[0],
): void {
  try {
    options.onRequest?.(event);
  } catch {
    // A failing hook must not change the answer.
  }
}
