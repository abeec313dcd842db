import { useBatchJob } from "@mistral-batch/react";
import { Link } from "@tanstack/react-router";
import { JobProgress } from "../common/JobProgress.js";
import { PageHeading } from "../common/PageHeading.js";
import { ErrorNotice, Loading } from "../common/QueryStatus.js";
import { JobActions } from "./JobActions.js";
import { JobDetails } from "./JobDetails.js";
import { JobFiles } from "./JobFiles.js";
import { JobResults } from "./JobResults.js";

/** One job: live progress until it ends, every field, its errors, actions, files and results. */
export function JobPage({ jobId }: { jobId: string }) {
  const job = useBatchJob(jobId);
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
  if (job.isPending) {
    return (
      <section aria-labelledby="job-title">
        {back}
        {heading(`Job ${short}`)}
        <Loading>Loading the job…</Loading>
      </section>
    );
  }
  if (job.isError) {
    const missing = (job.error as { statusCode?: number }).statusCode === 404;
    return (
      <section aria-labelledby="job-title">
        {back}
        {heading(missing ? "Job not found" : `Job ${short}`)}
        {missing ? (
          <div role="alert" className="notice notice-error">
            No job <code>{jobId}</code> here: it does not exist, was deleted, or belongs to another user.
          </div>
        ) : (
          <ErrorNotice title="Could not load the job." error={job.error} onRetry={() => void job.refetch()} />
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
      <JobProgress job={data} />
      {!job.isTerminal && (
        <p className="muted" role="status">
          Live: this page follows the job until it ends.
        </p>
      )}
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
      <h2>Files</h2>
      <JobFiles job={data} />
      <h2>Results</h2>
      <JobResults job={data} />
    </section>
  );
}
