// Documents at the nesting bound and past it: the mock refuses what it could not answer, never a 500.
import { MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { batchHandlers } from "../src/batchHandlers.js";
import { createBatchSimulator } from "../src/createBatchSimulator.js";

const sim = createBatchSimulator({ queueDelayMs: 0, jobDurationMs: 1_000 });
const server = setupServer(...batchHandlers(sim));
const API = "https://api.mistral.ai/v1";
const auth = { authorization: "Bearer alice" };
beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
afterEach(() => sim.reset());
afterAll(() => server.close());

/** A request body `levels` objects deep, as JSON text (built as text: JSON.stringify itself overflows on deep input). */
const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"input":"x"}${"}".repeat(levels - 1)}`;
/** The levels above a request body: in a create body (the body, `requests`, the request), in a file's line (the line). */
const ABOVE_INLINE_BODY = 3;
const ABOVE_LINE_BODY = 1;

const createInline = (body: string) =>
  fetch(`${API}/batch/jobs`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: `{"endpoint":"/v1/moderations","model":"m","requests":[{"custom_id":"0","body":${body}}]}`,
  });

async function createFromFile(body: string) {
  const form = new FormData();
  form.append("purpose", "batch");
  form.append("file", new File([`{"custom_id":"0","body":${body}}\n`], "in.jsonl"));
  const file = (await (await fetch(`${API}/files`, { method: "POST", headers: auth, body: form })).json()) as {
    id: string;
  };
  return fetch(`${API}/batch/jobs`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ endpoint: "/v1/moderations", model: "m", input_files: [file.id] }),
  });
}

describe("request bodies nested to the bound", () => {
  it("answers a document nested exactly MAX_JSON_DEPTH deep, inline and as a file's line", async () => {
    const created = await createInline(nested(MAX_JSON_DEPTH - ABOVE_INLINE_BODY));
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    sim.clock.advance(2_000);
    const job = await (await fetch(`${API}/batch/jobs/${id}?inline=true`, { headers: auth })).json();
    expect(job).toMatchObject({ status: "SUCCESS", outputs: [{ custom_id: "0" }] });

    const fromFile = await createFromFile(nested(MAX_JSON_DEPTH - ABOVE_LINE_BODY));
    expect(fromFile.status).toBe(200);
    const { id: fileJob } = (await fromFile.json()) as { id: string };
    sim.clock.advance(2_000);
    const { output_file } = (await (await fetch(`${API}/batch/jobs/${fileJob}`, { headers: auth })).json()) as {
      output_file: string;
    };
    const download = await fetch(`${API}/files/${output_file}/content`, { headers: auth });
    expect(download.status).toBe(200);
    expect(JSON.parse(await download.text())).toMatchObject({ custom_id: "0", response: { status_code: 200 } });
  });

  it("refuses a create body nested deeper with a 422, as the API's parser would", async () => {
    expect((await createInline(nested(MAX_JSON_DEPTH - ABOVE_INLINE_BODY + 1))).status).toBe(422);
    const response = await createInline(nested(6_000));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ detail: [{ loc: ["body"], type: "json_invalid" }] });
    expect(sim.listJobs().total).toBe(0);
  });

  it("refuses an input file whose line nests deeper with a 400 naming the line", async () => {
    const response = await createFromFile(nested(MAX_JSON_DEPTH - ABOVE_LINE_BODY + 1));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining("line 1") });
  });
});
