import { DEFAULT_SERVER_URL, type ValidationIssue } from "@mistral-batch/client";
import {
  readFileListQuery,
  readGetJobQuery,
  readSignedUrlQuery,
  readUploadFields,
} from "@mistral-batch/client/contract";
import { type HttpHandler, HttpResponse, http } from "msw";
import { normalizeFault } from "./createFaultInjector.js";
import { createRoute, errorResponse } from "./internal/createRoute.js";
import { parseListQuery } from "./internal/parseListQuery.js";
import { SimulatedApiError } from "./SimulatedApiError.js";
import type { BatchSimulator, FileContent } from "./types.js";

/** Options of `batchHandlers`. */
export interface BatchHandlersOptions {
  /** The API root the handlers answer under; may carry a path prefix. Default `https://api.mistral.ai`. */
  baseUrl?: string | undefined;
}

/** The default API root. */
export const DEFAULT_BASE_URL = DEFAULT_SERVER_URL;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw SimulatedApiError.validation([{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }]);
  }
}

/** Answers 422 with `issues`, if there are any, as the API does for a request that breaks its schema. */
function refuse(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw SimulatedApiError.validation(issues);
}

async function readUpload(request: Request) {
  const missingFile: ValidationIssue = { loc: ["body", "file"], msg: "Field required", type: "missing" };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw SimulatedApiError.validation([missingFile]);
  }
  const file = form.get("file");
  const { fields, issues } = readUploadFields(form, { knownValuesOnly: true });
  refuse(typeof file === "string" || file === null ? [missingFile, ...issues] : issues);
  return {
    ...fields,
    filename: (file as File).name || "upload.jsonl",
    content: new Uint8Array(await (file as File).arrayBuffer()),
    mimetype: (file as File).type || null,
  };
}

/** Header values are bytes: the name in ASCII, other characters as "_", and in full as RFC 8187's UTF-8 form. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/gu, "_");
  // A lone surrogate has no UTF-8 form: U+FFFD stands for it, as in any UTF-8 encoder.
  const utf8 = encodeURIComponent(filename.replace(/\p{Surrogate}/gu, "\uFFFD"));
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** A file's bytes as a download: `application/octet-stream`, its name, and its length when known. */
function download({ filename, bytes, stream }: FileContent): Response {
  const headers = new Headers({
    "content-type": "application/octet-stream",
    "content-disposition": contentDisposition(filename),
  });
  if (bytes !== undefined) headers.set("content-length", String(bytes));
  return new HttpResponse(stream, { headers });
}

/** The test-control routes: `POST /__mock/faults` and `POST /__mock/reset`, with no auth and no faults. */
function controlHandlers(simulator: BatchSimulator, base: string): HttpHandler[] {
  return [
    http.post(`${base}/__mock/faults`, async ({ request }) => {
      try {
        const body = await readJson(request);
        const added = (Array.isArray(body) ? body : [body])
          .map(normalizeFault)
          .map((fault) => simulator.faults.add(fault));
        return HttpResponse.json({ faults: added });
      } catch (error) {
        if (error instanceof TypeError)
          return errorResponse(SimulatedApiError.api(400, error.message, "invalid_fault"));
        return errorResponse(error);
      }
    }),
    http.post(`${base}/__mock/reset`, () => {
      simulator.reset();
      return HttpResponse.json({ reset: true });
    }),
  ];
}

/**
 * Where the URLs of `GET /v1/files/{file_id}/url` lead: a download that needs no bearer token, only the URL's `sig`,
 * and that no fault applies to. It stands for the storage host the API's URLs point to.
 */
function signedDownloadHandler(simulator: BatchSimulator, base: string): HttpHandler {
  return http.get(`${base}/signed-files/:file_id`, ({ request, params }) => {
    try {
      const signature = new URL(request.url).searchParams.get("sig") ?? "";
      return download(simulator.signedFileContent(String(params.file_id), signature));
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/**
 * msw request handlers serving `simulator` as the Mistral batch API under `baseUrl`, for `setupServer` (Node) and
 * `setupWorker` (browser), plus the test-control routes under `${baseUrl}/__mock/` and the signed downloads under
 * `${baseUrl}/signed-files/`.
 *
 * @example
 * const simulator = createBatchSimulator();
 * const server = setupServer(...batchHandlers(simulator, { baseUrl: "https://api.mistral.ai" }));
 */
export function batchHandlers(
  simulator: BatchSimulator,
  { baseUrl = DEFAULT_BASE_URL }: BatchHandlersOptions = {},
): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, "");
  const route = createRoute(simulator, base);
  return [
    ...controlHandlers(simulator, base),
    signedDownloadHandler(simulator, base),
    route("batch.jobs.list", ({ url, caller }) =>
      HttpResponse.json(simulator.listJobs(parseListQuery(url.searchParams), { caller })),
    ),
    route("batch.jobs.create", async ({ request, caller }) =>
      HttpResponse.json(simulator.createJob((await readJson(request)) as never, { caller })),
    ),
    route("batch.jobs.get", ({ url, params }) => {
      const { query, issues } = readGetJobQuery(url.searchParams);
      refuse(issues);
      return HttpResponse.json(simulator.getJob(params.job_id ?? "", { inline: query.inline ?? null }));
    }),
    route("batch.jobs.delete", ({ params }) => HttpResponse.json(simulator.deleteJob(params.job_id ?? ""))),
    route("batch.jobs.cancel", ({ params }) => HttpResponse.json(simulator.cancelJob(params.job_id ?? ""))),
    route("files.upload", async ({ request, caller }) =>
      HttpResponse.json(simulator.uploadFile(await readUpload(request), { caller })),
    ),
    route("files.list", ({ url, caller }) => {
      const { query, issues } = readFileListQuery(url.searchParams, { knownValuesOnly: true });
      refuse(issues);
      return HttpResponse.json(simulator.listFiles(query, { caller }));
    }),
    route("files.retrieve", ({ params, caller }) =>
      HttpResponse.json(simulator.getFile(params.file_id ?? "", { caller })),
    ),
    route("files.delete", ({ params, caller }) =>
      HttpResponse.json(simulator.deleteFile(params.file_id ?? "", { caller })),
    ),
    route("files.download", ({ params, caller }) => download(simulator.fileContent(params.file_id ?? "", { caller }))),
    route("files.getSignedUrl", ({ url, params, caller }) => {
      const { query, issues } = readSignedUrlQuery(url.searchParams);
      refuse(issues);
      return HttpResponse.json(
        simulator.getSignedUrl(params.file_id ?? "", { expiry: query.expiry, caller, baseUrl: base }),
      );
    }),
  ];
}
