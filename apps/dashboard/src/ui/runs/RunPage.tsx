import { RUN_ID_METADATA_KEY } from "@mistral-batch/client";
import { useBatchJobs } from "@mistral-batch/react";
import { Link } from "@tanstack/react-router";
import { JobProgress } from "../common/JobProgress.js";
import { PageHeading } from "../common/PageHeading.js";
import { Loading, QueryProblem } from "../common/QueryStatus.js";
import { runTotals } from "../jobs/groupRuns.js";
import { JobsTable } from "../jobs/JobsTable.js";
import { StatusMix } from "../jobs/StatusMix.js";

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
  const problem = jobs.error ?? jobs.failureReason;
  const totals = runTotals(rows);
  return (
    <section aria-labelledby="run-title">
      <p>
        <Link to="/">← All jobs</Link>
      </p>
      <PageHeading id="run-title" title={`Run ${runId}`}>
        Run <code>{runId}</code>
      </PageHeading>
      {problem && (
        <QueryProblem
          error={problem}
          what="the run"
          retrying={jobs.isFetching}
          stale={jobs.data !== undefined}
          onRetry={() => void jobs.refetch()}
        />
      )}
      {jobs.data === undefined ? (
        !problem && <Loading>Loading the run's jobs…</Loading>
      ) : rows.length === 0 ? (
        <div className="empty" role="status">
          <p>
            No job of run <code>{runId}</code> here: it has none yet, or belongs to another user.
          </p>
        </div>
      ) : (
        <>
          <JobProgress job={{ id: runId, ...totals }} label={`Progress of run ${runId}`} />
          <p className="muted">
            {rows.length} job{rows.length === 1 ? "" : "s"}, {totals.succeeded_requests} requests succeeded and{" "}
            {totals.failed_requests} failed of {totals.total_requests}.
          </p>
          <StatusMix jobs={rows} />
          <JobsTable jobs={rows} caption={`The jobs of run ${runId}, in the order they were created`} />
        </>
      )}
    </section>
  );
}
