import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { createProxyCore } from "../../internal/core/createProxyCore.js";
import { hostRejected } from "../../internal/core/errors.js";
import type { MistralBatchProxyOptions } from "../../types.js";
import { createHttpTransport } from "../node/httpTransport.js";
import { toCoreRequest } from "../node/toCoreRequest.js";
import { writeAnswer } from "../node/writeAnswer.js";

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
  const handle = createProxyCore(options, createHttpTransport);
  const proxy: RequestHandler = (req, res) => {
    void handle(toCoreRequest(req, res), req).then((answer) => writeAnswer(req, res, answer));
  };
  const errors: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    void writeAnswer(req, res, handle.errorAnswer(hostRejected(error)));
  };
  return [proxy, errors];
}
