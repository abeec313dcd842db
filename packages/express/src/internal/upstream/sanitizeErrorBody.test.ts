import { describe, expect, it } from "vitest";
import { redact } from "../core/redact.js";
import { sanitizeErrorBody } from "./sanitizeErrorBody.js";

describe("sanitizeErrorBody", () => {
  it("keeps the API's error fields only", () => {
    const body = sanitizeErrorBody(
      429,
      JSON.stringify({ object: "error", message: "slow down", type: "rate_limited", code: 1300, headers: { a: 1 } }),
    );
    expect(body).toEqual({ object: "error", message: "slow down", type: "rate_limited", param: null, code: "1300" });
  });

  it("keeps FastAPI's detail without the echoed input", () => {
    const body = sanitizeErrorBody(
      422,
      JSON.stringify({ detail: [{ loc: ["body", "model"], msg: "bad model", type: "value_error", input: "secret" }] }),
    );
    expect(body.detail).toEqual([{ loc: ["body", "model"], msg: "bad model", type: "value_error" }]);
    expect(body.message).toBe("bad model");
  });

  it.each(["<html>oops</html>", "[1,2]", "null", "x".repeat(70_000)])(
    "replaces a body that is not an error object: %#",
    (text) => {
      expect(sanitizeErrorBody(400, text)).toEqual({
        object: "error",
        message: "The Mistral API answered 400",
        type: "upstream_error",
        param: null,
        code: null,
      });
    },
  );
});

describe("redact", () => {
  it("replaces the secret in every string and key", () => {
    expect(redact({ a: "Bearer sk-1 sk-1", sk1: ["x sk-1"], "sk-1": 1, n: 5 }, "sk-1")).toEqual({
      a: "Bearer [redacted] [redacted]",
      sk1: ["x [redacted]"],
      "[redacted]": 1,
      n: 5,
    });
  });
});
