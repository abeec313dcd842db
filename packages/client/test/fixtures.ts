import type { BatchJob } from "../src/index.js";

export const API_KEY = "sk-test-6f1c0d2b9a8e4f7c";
export const JOB_ID = "4017dc9f-b629-42f4-9700-8c681b9e7f0f";
export const FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0";

/** A job as the API returns it, with overridable fields. */
export function batchJob(overrides: Partial<BatchJob> = {}): BatchJob {
  return {
    id: JOB_ID,
    object: "batch",
    input_files: [],
    metadata: null,
    endpoint: "/v1/moderations",
    model: "mistral-small-latest",
    agent_id: null,
    output_file: null,
    error_file: null,
    errors: [],
    outputs: null,
    status: "QUEUED",
    created_at: 1_764_000_000,
    total_requests: 2,
    completed_requests: 0,
    succeeded_requests: 0,
    failed_requests: 0,
    started_at: null,
    completed_at: null,
    ...overrides,
  };
}
