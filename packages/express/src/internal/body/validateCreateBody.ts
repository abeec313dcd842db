import { checkCreateBatchJob } from "@mistral-batch/client/contract";
import type { FieldIssue } from "../core/errors.js";

/** A create body reduced to the fields of the spec's BatchJobIn. */
export interface CreateBody {
  endpoint: string;
  input_files?: string[];
  requests?: { custom_id?: string | null; body: Record<string, unknown> }[];
  model?: string | null;
  agent_id?: string | null;
  metadata?: Record<string, string>;
  timeout_hours?: number;
}

const FIELDS = ["endpoint", "input_files", "requests", "model", "agent_id", "metadata", "timeout_hours"] as const;

/**
 * Checks a create body against the spec (BatchJobIn, with the client's own
 * check) and returns it with known fields only, or the list of every failing field.
 */
export function validateCreateBody(body: unknown): { value: CreateBody } | { issues: FieldIssue[] } {
  const issues = checkCreateBatchJob(body);
  if (issues.length > 0) return { issues };
  const known = body as Record<string, unknown>;
  const value = Object.fromEntries(
    FIELDS.filter((field) => known[field] != null).map((field) => [field, known[field]]),
  );
  const requests = (value.requests as Array<Record<string, unknown>> | undefined)?.map(({ custom_id, body }) =>
    custom_id === undefined ? { body } : { custom_id, body },
  );
  return { value: { ...value, ...(requests && { requests }) } as CreateBody };
}
