import { RUN_ID_METADATA_KEY } from "@mistral-batch/client";
import { useBatchJobs } from "@mistral-batch/react";
import { Link } from "@tanstack/react-router";
import { PageHeading } from "../common/PageHeading.js";
import { ErrorNotice, Loading } from "../common/QueryStatus.js";
import { JobsTable } from "../jobs/JobsTable.js";

/** The most jobs of one run shown: a run splits its requests into parts, rarely more than a few dozen. */
const RUN_PAGE_SIZE = 100;

/** One run of the workload engine: the jobs tagged with its run id, and their totals. */
export function RunPage({ runId }: { runId: string }) {
  const jobs = useBatchJobs({
    page: 0,
    page_size: RUN_PAGE_SIZE,
    order_by: "created",
    metadata: { [RUN_ID_METADATA_KEY]: runId },
  });
  const rows = jobs.data?.data ?? [];
  return (
    <section aria-labelledby="run-title">
      <p>
        <Link to="/">← All jobs</Link>
      </p>
      <PageHeading id="run-title" title={`Run ${runId}`}>
        Run <code>{runId}</code>
      </PageHeading>
      {jobs.isPending ? (
        <Loading>Loading the run's jobs…</Loading>
      ) : jobs.isError ? (
        <ErrorNotice title="Could not load the run." error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : rows.length === 0 ? (
        <div className="empty" role="status">
          <p>
            No job of run <code>{runId}</code> here: it has none yet, or belongs to another user.
          </p>
        </div>
      ) : (
        <JobsTable jobs={rows} caption={`${rows.length} job${rows.length === 1 ? "" : "s"} in this run`} />
      )}
    </section>
  );
}
