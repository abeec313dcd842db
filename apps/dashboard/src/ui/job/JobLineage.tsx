import {
  type BatchJob,
  RETRY_OF_METADATA_KEY,
  RUN_ID_METADATA_KEY,
  RUN_PART_METADATA_KEY,
} from "@mistral-batch/client";
import { Link } from "@tanstack/react-router";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** Where a job comes from, when its metadata says: the run it is a part of, the job whose failures it retries. */
export function JobLineage({ job }: { job: BatchJob }) {
  const runId = text(job.metadata?.[RUN_ID_METADATA_KEY]);
  const part = text(job.metadata?.[RUN_PART_METADATA_KEY]);
  const retryOf = text(job.metadata?.[RETRY_OF_METADATA_KEY]);
  if (!runId && !retryOf) return null;
  return (
    <ul className="lineage">
      {runId && (
        <li>
          {part === null ? "Part" : `Part ${Number(part) + 1}`} of run{" "}
          <Link to="/runs/$runId" params={{ runId }}>
            <code>{runId}</code>
          </Link>
        </li>
      )}
      {retryOf && (
        <li>
          Retries the failed requests of job{" "}
          <Link to="/jobs/$jobId" params={{ jobId: retryOf }}>
            <code>{retryOf.slice(0, 8)}</code>
          </Link>
        </li>
      )}
    </ul>
  );
}
