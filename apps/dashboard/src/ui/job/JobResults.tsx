import { type BatchJob, type BatchResult, isTerminalStatus } from "@mistral-batch/client";
import { useDeferredValue, useState } from "react";
import { ErrorNotice } from "../common/QueryStatus.js";
import { useJobResults } from "./useJobResults.js";

const SHOWN_STEP = 50;

function outcome(result: BatchResult): string {
  if (result.response) return `HTTP ${result.response.status_code}`;
  return "Failed";
}

/** A finished job's results, streamed in, searchable by custom_id. */
export function JobResults({ job }: { job: BatchJob }) {
  if (!isTerminalStatus(job.status)) return <p className="muted">Results can be read once the job has ended.</p>;
  return <ResultsBrowser job={job} />;
}

function ResultsBrowser({ job }: { job: BatchJob }) {
  const results = useJobResults(job);
  const { rows, hasMore: capped, error } = results;
  const done = !results.isStreaming && !results.isPending;
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState(SHOWN_STEP);
  const needle = useDeferredValue(query.trim().toLowerCase());
  const matches = needle ? rows.filter((row) => row.custom_id.toLowerCase().includes(needle)) : rows;

  return (
    <div className="results">
      <label>
        Search results by custom_id
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <p role="status" className="muted">
        {done ? `${rows.length} results read` : `Reading results… ${rows.length} so far`}
        {capped && " (the first ones only: download the files for all)"}
        {needle && `, ${matches.length} matching`}.
      </p>
      {results.isError && <ErrorNotice title="Could not read every result." error={error} />}
      {done && rows.length === 0 && !results.isError && <p>This job has no results.</p>}
      {matches.length > 0 && (
        <table className="results-table stack">
          <caption className="visually-hidden">Results of job {job.id}</caption>
          <thead>
            <tr>
              <th scope="col">custom_id</th>
              <th scope="col">Outcome</th>
              <th scope="col">Body or error</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, shown).map((row) => (
              <tr key={row.custom_id}>
                <th scope="row">
                  <code>{row.custom_id}</code>
                </th>
                <td data-label="Outcome">{outcome(row)}</td>
                <td data-label="Body or error">
                  <details>
                    <summary>Show {row.response ? "response body" : "error"}</summary>
                    <pre>{JSON.stringify(row.response?.body ?? row.error, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {matches.length > shown && (
        <button type="button" onClick={() => setShown(shown + SHOWN_STEP)}>
          Show {Math.min(SHOWN_STEP, matches.length - shown)} more results
        </button>
      )}
    </div>
  );
}
