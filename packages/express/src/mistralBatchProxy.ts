import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { createProxyHandler } from "./createProxyHandler.js";
import { jsonResponse } from "./internal/jsonResponse.js";
import { toProxyRequest } from "./internal/node/toProxyRequest.js";
import { writeResponse } from "./internal/node/writeResponse.js";
import { errorBody } from "./internal/ProxyError.js";
import type { MistralBatchProxyOptions } from "./types.js";

/**
 * What `mistralBatchProxy` returns: the proxy and an error handler that answers
 * JSON for errors raised before it under the same mount (a host body parser's
 * 400 or 413), so Express's HTML error page never answers there. `app.use`
 * takes the pair as it is.
 */
export type MistralBatchProxyMiddleware = [RequestHandler, ErrorRequestHandler];

/**
 * An Express (4 or 5) middleware serving the Mistral batch API's own paths
 * under its mount, for the users `authorize` accepts: the API key stays on the
 * server and each user sees only their own jobs and files.
 *
 * @example
 * app.use("/api/mistral", mistralBatchProxy({
 *   apiKey: process.env.MISTRAL_API_KEY!,
 *   authorize: (req) => (req.session?.userId ? { userId: req.session.userId } : null),
 * }));
 */
export function mistralBatchProxy(options: MistralBatchProxyOptions<Request>): MistralBatchProxyMiddleware {
  const handle = createProxyHandler(options);
  const secret = options.apiKey;
  const proxy: RequestHandler = (req, res) => {
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    void handle(toProxyRequest(req, gone.signal), req).then((response) => writeResponse(req, res, response));
  };
  const errors: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    void writeResponse(req, res, hostErrorResponse(error, secret));
  };
  return [proxy, errors];
}

/** A host middleware's error as JSON: body-parser's statuses keep their meaning, nothing else is shown. */
function hostErrorResponse(error: unknown, secret: string): Response {
  const { status, statusCode, type } = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || code < 400 || code > 499) {
    return jsonResponse(500, errorBody("Internal server error", "internal_error"), secret);
  }
  const message =
    type === "entity.too.large"
      ? "The request body is larger than the host's body parser allows"
      : type === "entity.parse.failed"
        ? "The request body is not valid JSON"
        : "The request was rejected before it reached the proxy";
  return jsonResponse(code, errorBody(message, code === 413 ? "payload_too_large" : "invalid_request_error"), secret);
}
