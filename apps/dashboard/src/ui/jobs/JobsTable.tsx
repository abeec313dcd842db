import type { BatchJob } from "@mistral-batch/client";
import { Link } from "@tanstack/react-router";
import { formatTime, jobDuration } from "../common/format.js";
import { JobProgress } from "../common/JobProgress.js";
import { StatusBadge } from "../common/StatusBadge.js";

/** The jobs of one page, one row each, linking to the job's page. */
export function JobsTable({ jobs, caption }: { jobs: BatchJob[]; caption: string }) {
  return (
    <table className="jobs">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Endpoint</th>
          <th scope="col">Model</th>
          <th scope="col">Created</th>
          <th scope="col">Duration</th>
          <th scope="col">Progress</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              <Link to="/jobs/$jobId" params={{ jobId: job.id }} aria-label={`Open job ${job.id}`}>
                <code>{job.id.slice(0, 8)}</code>
              </Link>
            </th>
            <td>
              <StatusBadge status={job.status} />
            </td>
            <td>
              <code>{job.endpoint}</code>
            </td>
            <td>{job.model ?? job.agent_id ?? "—"}</td>
            <td>{formatTime(job.created_at)}</td>
            <td>{jobDuration(job)}</td>
            <td>
              <JobProgress job={job} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
