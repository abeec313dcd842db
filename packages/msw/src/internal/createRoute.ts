import { type ApiOperation, apiErrorBody, routeOf } from "@mistral-batch/client/contract";
import { type HttpHandler, HttpResponse, http } from "msw";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { BatchSimulator } from "../types.js";
import { faultResponse, sleep } from "./faultResponse.js";

/** What an operation gets: the request, its URL and path parameters, and the caller's bearer token. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  caller: string;
}

type Operation = (ctx: RouteContext) => Response | Promise<Response>;

/** The JSON response of a simulator error. */
export function errorResponse(error: unknown): Response {
  if (error instanceof SimulatedApiError) return HttpResponse.json(error.body, { status: error.status });
  const message = error instanceof Error ? error.message : String(error);
  return HttpResponse.json(apiErrorBody(message, { type: "api_error", code: "internal_error" }), { status: 500 });
}

function bearer(request: Request, simulator: BatchSimulator): string {
  const match = /^Bearer\s+(.*)$/i.exec(request.headers.get("authorization") ?? "");
  const token = match?.[1]?.trim();
  if (!token || (simulator.apiKey !== undefined && token !== simulator.apiKey)) throw SimulatedApiError.unauthorized();
  return token;
}

/**
 * Builds the msw handler of an API operation under `base`, at the method and path of the shared route table
 * (`{job_id}` becomes msw's `:job_id`): each request may hit an injected fault before or after the
 * operation, then must carry a bearer token; simulator errors become the API's JSON errors.
 */
export function createRoute(simulator: BatchSimulator, base: string) {
  const basePath = new URL(base).pathname.replace(/\/+$/, "");
  return (name: ApiOperation, operation: Operation): HttpHandler => {
    const { method, path } = routeOf(name);
    const pattern = path.replace(/\{(\w+)\}/g, ":$1");
    return http[method.toLowerCase() as "get" | "post" | "delete"](`${base}${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const relative = url.pathname.slice(basePath.length) || "/";
      const before = simulator.faults.take(request.method, relative, "before");
      if (before?.kind === "delay") await sleep(before.delay_ms ?? 0);
      else if (before) return faultResponse(before, undefined);
      let response: Response;
      try {
        const caller = bearer(request, simulator);
        response = await operation({ request, url, params: params as Record<string, string>, caller });
      } catch (error) {
        response = errorResponse(error);
      }
      const after = simulator.faults.take(request.method, relative, "after");
      if (after?.kind === "delay") await sleep(after.delay_ms ?? 0);
      else if (after) return faultResponse(after, response);
      return response;
    });
  };
}
