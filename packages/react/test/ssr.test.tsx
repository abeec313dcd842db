// @vitest-environment node
import { MistralBatch } from "@mistral-batch/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MistralBatchProvider, useBatchJob, useBatchJobs } from "../src/index.js";

function Page() {
  const jobs = useBatchJobs();
  const job = useBatchJob("4017dc9f-b629-42f4-9700-8c681b9e7f0f");
  return (
    <p>
      {jobs.status} {job.status} {job.progress}
    </p>
  );
}

describe("server rendering", () => {
  it("renders without a window and sends no request", () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    const requests: string[] = [];
    const client = new MistralBatch({
      serverURL: "http://127.0.0.1:9",
      fetch: async (input) => {
        requests.push(String(input));
        return new Response("{}");
      },
    });
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <MistralBatchProvider client={client}>
          <Page />
        </MistralBatchProvider>
      </QueryClientProvider>,
    );
    expect(html).toBe("<p>pending<!-- --> <!-- -->pending<!-- --> <!-- -->0</p>");
    expect(requests).toEqual([]);
  });
});
