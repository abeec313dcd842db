import { describe, expect, it } from "vitest";
import { createMistralBatchCore, RequestTimeoutError, uploadFile } from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

const { simulator } = useMockApi();
const requests = [{ custom_id: "a", body: { input: "x" } }];

describe("upload deadlines", () => {
  it("gives an upload more than the client's short default deadline: it covers sending the whole file", async () => {
    const core = createMistralBatchCore({ apiKey: "sk", serverURL: MOCK_URL, timeoutMs: 50 });
    simulator.faults.add({ method: "POST", path: "/v1/files", kind: "delay", delay_ms: 300 });
    const file = await uploadFile(core, { file: requests });
    expect(simulator.getFile(file.id).num_lines).toBe(1);
  });

  it("keeps a deadline the call asks for", async () => {
    const core = createMistralBatchCore({ apiKey: "sk", serverURL: MOCK_URL });
    simulator.faults.add({ method: "POST", path: "/v1/files", kind: "delay", delay_ms: 300 });
    await expect(uploadFile(core, { file: requests }, { timeoutMs: 50 })).rejects.toThrow(RequestTimeoutError);
  });
});
