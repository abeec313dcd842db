import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { createProxyCore } from "./internal/createProxyCore.js";
import { toCoreRequest } from "./internal/node/toCoreRequest.js";
import { writeAnswer } from "./internal/node/writeAnswer.js";
import { jsonAnswer, type ProxyAnswer } from "./internal/ProxyAnswer.js";
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
  const handle = createProxyCore(options);
  const secret = options.apiKey;
  const proxy: RequestHandler = (req, res) => {
    void handle(toCoreRequest(req, res), req).then((answer) => writeAnswer(req, res, answer));
  };
  const errors: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    void writeAnswer(req, res, hostErrorAnswer(error, secret));
  };
  return [proxy, errors];
}

/** A host middleware's error as JSON: body-parser's statuses keep their meaning, nothing else is shown. */
function hostErrorAnswer(error: unknown, secret: string): ProxyAnswer {
  const { status, statusCode, type } = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || code < 400 || code > 499) {
    return jsonAnswer(500, errorBody("Internal server error", "internal_error"), secret);
  }
  const message =
    type === "entity.too.large"
      ? "The request body is larger than the host's body parser allows"
      : type === "entity.parse.failed"
        ? "The request body is not valid JSON"
        : "The request was rejected before it reached the proxy";
  return jsonAnswer(code, errorBody(message, code === 413 ? "payload_too_large" : "invalid_request_error"), secret);
}
