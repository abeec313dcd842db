import type { CreateBatchJobParams } from "@mistral-batch/client";
import { BATCH_INPUT_ISSUE, checkCreateBatchJob } from "@mistral-batch/client/contract";
import { SimulatedApiError } from "../SimulatedApiError.js";

/**
 * Checks a create body as the API does: schema violations, an endpoint the API
 * does not list among them, answer 422 with FastAPI's details; a body that is
 * well-formed but gives both, neither or an empty list of `input_files` and
 * `requests` answers 400.
 */
export function validateCreateBody(body: unknown): CreateBatchJobParams {
  const issues = checkCreateBatchJob(body, { knownValuesOnly: true });
  const schemaIssues = issues.filter((issue) => issue.type !== BATCH_INPUT_ISSUE);
  if (schemaIssues.length > 0) throw SimulatedApiError.validation(schemaIssues);
  const [inputIssue] = issues;
  if (inputIssue) throw SimulatedApiError.api(400, `${inputIssue.msg}.`, BATCH_INPUT_ISSUE);
  return body as CreateBatchJobParams;
}
