import { useBatchJob } from "@mistral-batch/react";
import { Link } from "@tanstack/react-router";
import { JobProgress } from "../common/JobProgress.js";
import { PageHeading } from "../common/PageHeading.js";
import { Loading, QueryProblem } from "../common/QueryStatus.js";
import { useNow } from "../common/useNow.js";
import { JobActions } from "./JobActions.js";
import { JobDetails } from "./JobDetails.js";
import { JobFiles } from "./JobFiles.js";
import { JobLineage } from "./JobLineage.js";
import { JobPace } from "./JobPace.js";
import { JobResults } from "./JobResults.js";
import { JobUsage } from "./JobUsage.js";
import { ProgressChart } from "./ProgressChart.js";
import { RetryFailedButton } from "./RetryFailedButton.js";
import { useProgressSamples } from "./useProgressSamples.js";

/** One job: live progress until it ends, every field, its errors, actions, files and results. */
export function JobPage({ jobId }: { jobId: string }) {
  const job = useBatchJob(jobId);
  const samples = useProgressSamples(job.data);
  const now = useNow(job.data !== undefined && !job.isTerminal);
  const short = jobId.slice(0, 8);
  const heading = (title: string) => (
    <PageHeading id="job-title" title={title}>
      Job <code>{short}</code>
    </PageHeading>
  );
  const back = (
    <p>
      <Link to="/">← All jobs</Link>
    </p>
  );
  const problem = job.error ?? job.failureReason;
  const missing = (problem as { statusCode?: number } | null)?.statusCode === 404;
  if (job.data === undefined) {
    return (
      <section aria-labelledby="job-title">
        {back}
        {heading(missing ? "Job not found" : `Job ${short}`)}
        {missing ? (
          <div role="alert" className="notice notice-error">
            No job <code>{jobId}</code> here: it does not exist, was deleted, or belongs to another user.
          </div>
        ) : problem ? (
          <QueryProblem error={problem} what="the job" retrying={job.isFetching} onRetry={() => void job.refetch()} />
        ) : (
          <Loading>Loading the job…</Loading>
        )}
      </section>
    );
  }
  const data = job.data;
  return (
    <section aria-labelledby="job-title">
      {back}
      <div className="page-head">
        {heading(`Job ${short}: ${data.status}`)}
        <JobActions job={data} />
      </div>
      {problem && (
        <QueryProblem
          error={problem}
          what="the job"
          retrying={job.isFetching}
          stale
          onRetry={() => void job.refetch()}
        />
      )}
      <JobLineage job={data} />
      <div className="job-progress">
        <div>
          <JobProgress job={data} />
          <JobPace job={data} nowSeconds={now} />
          {!job.isTerminal && (
            <p className="muted" role="status">
              Live: this page follows the job until it ends.
            </p>
          )}
          <RetryFailedButton job={data} />
        </div>
        <ProgressChart job={data} samples={samples} nowSeconds={now} />
      </div>
      {data.errors.length > 0 && (
        <div role="alert" className="notice notice-error">
          <strong>Errors</strong>
          <ul>
            {data.errors.map((error) => (
              <li key={error.message}>
                {error.message}
                {error.count != null && error.count > 1 && ` (×${error.count})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <JobDetails job={data} />
      {job.isTerminal && (
        <>
          <h2>Usage</h2>
          <JobUsage job={data} />
        </>
      )}
      <h2>Files</h2>
      <JobFiles job={data} />
      <h2>Results</h2>
      <JobResults job={data} />
    </section>
  );
}
