import { isTerminalStatus } from "@mistral-batch/client";
import { useBatchJobs } from "@mistral-batch/react";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback } from "react";
import { PageHeading } from "../common/PageHeading.js";
import { Loading, QueryProblem } from "../common/QueryStatus.js";
import { useIdleRefresh } from "../common/useIdleRefresh.js";
import { JobFilters } from "./JobFilters.js";
import { JobsTable } from "./JobsTable.js";
import { type JobListSearch, PAGE_SIZES, toListParams } from "./jobListSearch.js";
import { StatusMix } from "./StatusMix.js";

/** The list of the user's jobs with filters, order and paging, all kept in the URL. */
export function JobsPage() {
  const search = useSearch({ from: "/" });
  const navigate = useNavigate({ from: "/" });
  const jobs = useBatchJobs(toListParams(search));
  const update = (change: Partial<JobListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true });

  const total = jobs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const rows = jobs.data?.data ?? [];
  const problem = jobs.error ?? jobs.failureReason;
  const { refetch } = jobs;
  useIdleRefresh(
    useCallback(() => void refetch(), [refetch]),
    jobs.data !== undefined && rows.every((job) => isTerminalStatus(job.status)),
  );
  const filtered = search.status.length > 0 || search.model || search.createdAfter || search.metadata;

  return (
    <section aria-labelledby="jobs-title">
      <div className="page-head">
        <PageHeading id="jobs-title" title="Batch jobs" />
        <Link to="/jobs/new" className="button primary">
          New job
        </Link>
      </div>
      <JobFilters
        key={JSON.stringify({ ...search, page: 0 })}
        value={search}
        onApply={(filters) => update({ ...filters, page: 0 })}
      />
      <div className="table-tools">
        <label>
          Order
          <select
            value={search.order}
            onChange={(event) => update({ order: event.target.value as JobListSearch["order"], page: 0 })}
          >
            <option value="-created">Newest first</option>
            <option value="created">Oldest first</option>
          </select>
        </label>
        <label>
          Jobs per page
          <select
            value={search.pageSize}
            onChange={(event) => update({ pageSize: Number(event.target.value), page: 0 })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        {jobs.isFetching && !jobs.isPending && (
          <span className="muted" aria-hidden="true">
            Refreshing…
          </span>
        )}
      </div>
      {problem && (
        <QueryProblem
          error={problem}
          what="the jobs"
          retrying={jobs.isFetching}
          stale={jobs.data !== undefined}
          onRetry={() => void jobs.refetch()}
        />
      )}
      {jobs.data === undefined ? (
        !problem && <Loading>Loading jobs…</Loading>
      ) : rows.length === 0 ? (
        <div className="empty" role="status">
          {search.page > 0 ? (
            <p>
              This page is empty.{" "}
              <button type="button" onClick={() => update({ page: 0 })}>
                Go to the first page
              </button>
            </p>
          ) : filtered ? (
            <p>No job matches these filters.</p>
          ) : (
            <p>
              No jobs yet. <Link to="/jobs/new">Create your first batch job</Link>.
            </p>
          )}
        </div>
      ) : (
        <>
          <StatusMix jobs={rows} />
          <JobsTable
            jobs={rows}
            runs
            caption={`${total} job${total === 1 ? "" : "s"}, page ${search.page + 1} of ${pages}`}
          />
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={search.page === 0} onClick={() => update({ page: search.page - 1 })}>
              Previous page
            </button>
            <span>
              Page {search.page + 1} of {pages}
            </span>
            <button type="button" disabled={search.page + 1 >= pages} onClick={() => update({ page: search.page + 1 })}>
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
