import type { BatchJob } from "@mistral-batch/client";
import { sumUsage } from "./usageTotals.js";
import { useJobResults } from "./useJobResults.js";

const count = (n: number) => n.toLocaleString("en");

/** A finished job's token usage, summed from its results as they are read. */
export function JobUsage({ job }: { job: BatchJob }) {
  const results = useJobResults(job);
  const reading = results.isStreaming || results.isPending;
  const usage = sumUsage(results.rows);
  if (!reading && usage.counted === 0) {
    return <p className="muted">No usage: this endpoint's results carry no token counts.</p>;
  }
  return (
    <div>
      <dl className="usage">
        <div>
          <dt>Prompt tokens</dt>
          <dd>{count(usage.prompt_tokens)}</dd>
        </div>
        <div>
          <dt>Completion tokens</dt>
          <dd>{count(usage.completion_tokens)}</dd>
        </div>
        <div>
          <dt>Total tokens</dt>
          <dd>{count(usage.total_tokens)}</dd>
        </div>
      </dl>
      <p className="muted">
        {reading ? "Adding up results… " : ""}Summed over {count(usage.counted)} result{usage.counted === 1 ? "" : "s"}
        {results.hasMore && " (the first ones only)"}.
      </p>
    </div>
  );
}
