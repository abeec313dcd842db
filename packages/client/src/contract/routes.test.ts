import { describe, expect, it } from "vitest";
import * as sdk from "../generated/sdk.gen.js";
import { API_ROUTES, matchApiRoute, routeOf } from "./routes.js";

/** Every (method, path) the generated SDK, made from the spec, sends. */
function routesOfTheSpec(): string[] {
  const seen: string[] = [];
  const record = (method: string) => (options: { url: string }) => seen.push(`${method} ${options.url}`);
  const client = { get: record("GET"), post: record("POST"), delete: record("DELETE") };
  for (const operation of Object.values(sdk)) {
    (operation as (options: unknown) => unknown)({ client, path: {}, body: {}, query: {} });
  }
  return seen.sort();
}

describe("API_ROUTES", () => {
  it("holds exactly the operations of openapi/mistral-batch.yaml, as the generated SDK sends them", () => {
    expect(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort()).toEqual(routesOfTheSpec());
  });

  it("names each operation once", () => {
    expect(new Set(API_ROUTES.map((route) => route.operation)).size).toBe(API_ROUTES.length);
  });
});

describe("matchApiRoute", () => {
  it.each([
    ["GET", "/v1/batch/jobs", "batch.jobs.list", {}],
    ["post", "/v1/batch/jobs/", "batch.jobs.create", {}],
    ["GET", "/v1/batch/jobs/abc", "batch.jobs.get", { job_id: "abc" }],
    ["DELETE", "/v1/batch/jobs/abc", "batch.jobs.delete", { job_id: "abc" }],
    ["POST", "/v1/batch/jobs/a%20b/cancel", "batch.jobs.cancel", { job_id: "a%20b" }],
    ["GET", "/v1/files", "files.list", {}],
    ["POST", "/v1/files", "files.upload", {}],
    ["GET", "/v1/files/f-1/content", "files.download", { file_id: "f-1" }],
    ["GET", "/v1/files/f-1/url", "files.getSignedUrl", { file_id: "f-1" }],
  ])("%s %s is %s", (method, path, operation, params) => {
    expect(matchApiRoute(method, path)).toEqual({ operation, params });
  });

  it.each([
    ["PUT", "/v1/batch/jobs", ["GET", "POST"]],
    ["POST", "/v1/batch/jobs/abc", ["GET", "DELETE"]],
    ["GET", "/v1/batch/jobs/abc/cancel", ["POST"]],
    ["GET", "/v1/batch/jobs/abc/cancel/more", []],
    ["GET", "/v1/models", []],
    ["GET", "/v1/batch/jobs//cancel", []],
  ])("%s %s is no operation; allowed: %j", (method, path, allow) => {
    expect(matchApiRoute(method, path)).toEqual({ operation: null, allow });
  });
});

describe("routeOf", () => {
  it("gives an operation's method and path", () => {
    expect(routeOf("files.getSignedUrl")).toEqual({
      operation: "files.getSignedUrl",
      method: "GET",
      path: "/v1/files/{file_id}/url",
    });
  });
});
