import { isUuid } from "@mistral-batch/client/contract";
import { SimulatedApiError } from "../SimulatedApiError.js";

/** Answers 422, as the API's path validation does, when a `job_id` or `file_id` is not a UUID. */
export function checkPathId(id: string, name: "job_id" | "file_id"): void {
  if (!isUuid(id)) {
    throw SimulatedApiError.validation([
      { loc: ["path", name], msg: "Input should be a valid UUID", type: "uuid_parsing" },
    ]);
  }
}
