import type { BatchJob } from "@mistral-batch/client";
import { formatTime, jobDuration } from "../common/format.js";
import { formatMetadata } from "../common/parseMetadata.js";
import { StatusBadge } from "../common/StatusBadge.js";

/** Every field of a job, as a description list. */
export function JobDetails({ job }: { job: BatchJob }) {
  const rows: Array<[string, React.ReactNode]> = [
    ["Status", <StatusBadge key="status" status={job.status} />],
    ["Job id", <code key="id">{job.id}</code>],
    ["Endpoint", <code key="endpoint">{job.endpoint}</code>],
    ["Model", job.model ?? "—"],
    ["Agent", job.agent_id ?? "—"],
    ["Created", formatTime(job.created_at)],
    ["Started", formatTime(job.started_at)],
    ["Completed", formatTime(job.completed_at)],
    ["Duration", jobDuration(job)],
    ["Requests", job.total_requests],
    ["Completed requests", job.completed_requests],
    ["Succeeded", job.succeeded_requests],
    ["Failed", job.failed_requests],
    ["Input files", job.input_files.length > 0 ? job.input_files.join(", ") : "— (inline requests)"],
    ["Output file", job.output_file ?? "—"],
    ["Error file", job.error_file ?? "—"],
    ["Metadata", job.metadata && Object.keys(job.metadata).length > 0 ? formatMetadata(job.metadata) : "—"],
  ];
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
