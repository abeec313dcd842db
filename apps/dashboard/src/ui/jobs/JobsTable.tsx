import type { BatchJob } from "@mistral-batch/client";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatSeconds, formatTime, jobDuration } from "../common/format.js";
import { JobProgress } from "../common/JobProgress.js";
import { StatusBadge } from "../common/StatusBadge.js";
import { groupRuns, runStatus, runTotals } from "./groupRuns.js";

function JobRow({ job, partId }: { job: BatchJob; partId?: string }) {
  return (
    <tr id={partId} className={partId ? "run-part" : undefined}>
      <th scope="row">
        <Link to="/jobs/$jobId" params={{ jobId: job.id }} aria-label={`Open job ${job.id}`}>
          <code>{job.id.slice(0, 8)}</code>
        </Link>
      </th>
      <td data-label="Status">
        <StatusBadge status={job.status} />
      </td>
      <td data-label="Endpoint">
        <code>{job.endpoint}</code>
      </td>
      <td data-label="Model">{job.model ?? job.agent_id ?? "—"}</td>
      <td data-label="Created">{formatTime(job.created_at)}</td>
      <td data-label="Duration">{jobDuration(job)}</td>
      <td data-label="Progress">
        <JobProgress job={job} />
      </td>
    </tr>
  );
}

/** A run as one row with its summed progress; its jobs' rows follow when opened. */
function RunRows({ runId, jobs }: { runId: string; jobs: BatchJob[] }) {
  const [open, setOpen] = useState(false);
  const totals = runTotals(jobs);
  const duration =
    totals.started_at == null ? "—" : formatSeconds((totals.completed_at ?? Date.now() / 1000) - totals.started_at);
  return (
    <>
      <tr className="run">
        <th scope="row">
          <Link to="/runs/$runId" params={{ runId }} className="run-link">
            Run <code>{runId}</code>
          </Link>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={open ? jobs.map((job) => `run-part-${job.id}`).join(" ") : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? "Hide" : "Show"} its {jobs.length} job{jobs.length === 1 ? "" : "s"}
          </button>
        </th>
        <td data-label="Status">
          <StatusBadge status={runStatus(jobs)} />
        </td>
        <td data-label="Endpoint">
          <code>{jobs[0]!.endpoint}</code>
        </td>
        <td data-label="Model">{jobs[0]!.model ?? jobs[0]!.agent_id ?? "—"}</td>
        <td data-label="Created">{formatTime(totals.created_at)}</td>
        <td data-label="Duration">{duration}</td>
        <td data-label="Progress">
          <JobProgress job={{ id: runId, ...totals }} label={`Progress of run ${runId}`} />
        </td>
      </tr>
      {open && jobs.map((job) => <JobRow key={job.id} job={job} partId={`run-part-${job.id}`} />)}
    </>
  );
}

/**
 * The jobs of one page, one row each, linking to the job's page. With `runs`, the jobs of a run (the workload
 * engine's, tagged with a run id) are one row that opens onto them.
 */
export function JobsTable({ jobs, caption, runs = false }: { jobs: BatchJob[]; caption: string; runs?: boolean }) {
  const items = runs ? groupRuns(jobs) : jobs.map((job) => ({ kind: "job" as const, job }));
  return (
    <table className="jobs stack">
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
        {items.map((item) =>
          item.kind === "job" ? (
            <JobRow key={item.job.id} job={item.job} />
          ) : (
            <RunRows key={`run:${item.runId}`} runId={item.runId} jobs={item.jobs} />
          ),
        )}
      </tbody>
    </table>
  );
}
