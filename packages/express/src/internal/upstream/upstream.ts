import { jsonTextNestsDeeperThan, MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import { badGateway, clientClosedRequest, ProxyError, upstreamRefused, upstreamTimeout } from "../core/errors.js";
import { sanitizeErrorBody } from "./sanitizeErrorBody.js";
import type { ByteStream, OnCallerGone, TransportAnswer, UpstreamConfig } from "./transport.js";

/** One call to the upstream. */
export interface UpstreamRequest {
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: URLSearchParams;
  /** A JSON body, serialized here. */
  json?: unknown;
  /** A streamed body: the deadline starts once `sent` resolves, so a slow upload is not a slow upstream. */
  stream?: {
    body: ReadableStream<Uint8Array>;
    contentType: string;
    sent: Promise<void>;
    failure: () => ProxyError | undefined;
  };
  /** Stops the call when the caller goes away. */
  onGone?: OnCallerGone | undefined;
  /** The answer to an upstream 404 on an id route: the proxy's own not-found body, so nothing can be told apart. */
  notFound?: () => ProxyError;
}

/**
 * Calls the upstream and returns its 2XX JSON body. Upstream 404 becomes
 * `notFound()`, other 4XX pass through sanitized, 5XX and network errors
 * become 502 and timeouts 504.
 */
export async function upstreamJson(config: UpstreamConfig, request: UpstreamRequest): Promise<unknown> {
  const call = await openUpstream(config, request);
  try {
    const text = await call.answer.text();
    if (!isOk(call.answer)) throw errorFromUpstream(call.answer, text, request);
    if (jsonTextNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      throw badGateway(`The Mistral API answered JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw badGateway("The Mistral API answered with invalid JSON");
    }
  } catch (error) {
    throw call.mapError(error);
  } finally {
    call.finish();
  }
}

/** A 2XX answer whose body is streamed back: its bytes and the headers the proxy reads. */
export interface UpstreamStream {
  body: ByteStream;
  header(name: string): string | null;
}

/** Calls the upstream and returns its 2XX answer with the body unread, for streaming; errors as in `upstreamJson`. */
export async function upstreamStream(config: UpstreamConfig, request: UpstreamRequest): Promise<UpstreamStream> {
  const call = await openUpstream(config, request);
  try {
    if (isOk(call.answer)) return { body: call.answer.body(), header: call.answer.header };
    throw errorFromUpstream(call.answer, await call.answer.text(), request);
  } catch (error) {
    throw call.mapError(error);
  } finally {
    call.finish();
  }
}

interface OpenCall {
  answer: TransportAnswer;
  finish: () => void;
  mapError: (error: unknown) => unknown;
}

async function openUpstream(config: UpstreamConfig, request: UpstreamRequest): Promise<OpenCall> {
  const headers: Record<string, string> = { authorization: `Bearer ${config.apiKey}`, accept: "application/json" };
  let body: string | undefined;
  if (request.stream) headers["content-type"] = request.stream.contentType;
  else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }
  const query = request.query?.toString();
  const call = config.transport.send({
    method: request.method,
    path: query ? `${request.path}?${query}` : request.path,
    headers,
    body: request.stream?.body ?? body,
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const startDeadline = () => {
    timer = setTimeout(() => {
      timedOut = true;
      call.abort();
    }, config.timeoutMs);
  };
  // The upload's own pace is the caller's: the upstream's deadline starts once the body is sent.
  if (request.stream) request.stream.sent.then(startDeadline, call.abort);
  else startDeadline();
  let callerGone = false;
  const unsubscribe = request.onGone?.(() => {
    callerGone = true;
    call.abort();
  });
  const finish = () => {
    clearTimeout(timer);
    unsubscribe?.();
  };
  const mapError = (error: unknown) => {
    if (error instanceof ProxyError) return error;
    const failure = request.stream?.failure();
    if (failure) return failure;
    if (timedOut) return upstreamTimeout(config.timeoutMs);
    if (callerGone) return clientClosedRequest();
    return badGateway("Could not reach the Mistral API");
  };
  try {
    return { answer: await call.answer, finish, mapError };
  } catch (error) {
    finish();
    throw mapError(error);
  }
}

function isOk(answer: TransportAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

function errorFromUpstream(answer: TransportAnswer, text: string, request: UpstreamRequest): ProxyError {
  const { status } = answer;
  if (status === 404 && request.notFound) return request.notFound();
  if (status >= 400 && status < 500) {
    const retryAfter = answer.header("retry-after");
    const headers: Record<string, string> = retryAfter && isRetryAfter(retryAfter) ? { "retry-after": retryAfter } : {};
    return upstreamRefused(status, sanitizeErrorBody(status, text), headers);
  }
  return badGateway(`The Mistral API answered ${status}`);
}

/** A `Retry-After` as RFC 9110 writes it, seconds or an IMF-fixdate; anything else the upstream says is not passed on. */
function isRetryAfter(value: string): boolean {
  return /^\d{1,10}$/.test(value) || /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value);
}
