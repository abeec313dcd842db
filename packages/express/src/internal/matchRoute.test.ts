import { describe, expect, it } from "vitest";
import { matchRoute } from "./matchRoute.js";

describe("matchRoute", () => {
  it.each([
    ["GET", "/v1/batch/jobs", "batch.jobs.list", null],
    ["post", "/v1/batch/jobs/", "batch.jobs.create", null],
    ["GET", "/v1/batch/jobs/abc", "batch.jobs.get", "abc"],
    ["DELETE", "/v1/batch/jobs/abc", "batch.jobs.delete", "abc"],
    ["POST", "/v1/batch/jobs/abc/cancel", "batch.jobs.cancel", "abc"],
    ["POST", "/v1/files", "files.upload", null],
    ["GET", "/v1/files/f", "files.retrieve", "f"],
    ["DELETE", "/v1/files/f", "files.delete", "f"],
    ["GET", "/v1/files/f/content", "files.download", "f"],
  ])("%s %s -> %s", (method, path, operation, id) => {
    expect(matchRoute(method, path)).toEqual({ operation, id });
  });

  it.each([
    ["PUT", "/v1/batch/jobs", ["GET", "POST"]],
    ["GET", "/v1/files", ["POST"]],
    ["GET", "/v1/batch/jobs/a/cancel", ["POST"]],
    ["GET", "/v1/models", []],
    ["GET", "/v1/batch/jobs/a/b", []],
    ["GET", "//v1/batch/jobs", []],
  ])("%s %s misses", (method, path, allow) => {
    expect(matchRoute(method, path)).toEqual({ operation: null, allow });
  });
});
