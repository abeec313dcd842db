import { describe, expect, it } from "vitest";
import { apiErrorBody, notFoundBody, validationErrorBody } from "./errorBodies.js";

describe("error bodies", () => {
  it("are shaped like the API's", () => {
    expect(apiErrorBody("Bad", { code: "bad_thing" })).toEqual({
      object: "error",
      message: "Bad",
      type: "invalid_request_error",
      param: null,
      code: "bad_thing",
    });
    const detail = [{ loc: ["query", "page"], msg: "Input should be a valid integer", type: "int_parsing" }];
    expect(apiErrorBody("Bad", { detail }).detail).toEqual(detail);
    expect(validationErrorBody(detail)).toEqual({ detail });
  });

  it("give one 404 for a job or a file, whoever asks", () => {
    expect(notFoundBody("job", "j-1")).toMatchObject({ type: "not_found_error", code: "job_not_found" });
    expect(notFoundBody("file", "f-1")).toMatchObject({ message: "File f-1 not found.", code: "file_not_found" });
  });
});
