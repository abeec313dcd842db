import type { BatchJob } from "@mistral-batch/client";
import { formatSeconds } from "../common/format.js";
import { formatRate, jobRate } from "./jobRate.js";

/** Throughput, and while the job runs the time it still needs, as two short facts. */
export function JobPace({ job, nowSeconds }: { job: BatchJob; nowSeconds: number }) {
  const rate = jobRate(job, nowSeconds);
  if (!rate) return null;
  return (
    <dl className="pace">
      <div>
        <dt>Throughput</dt>
        <dd>{formatRate(rate.perSecond)}</dd>
      </div>
      {rate.etaSeconds !== null && (
        <div>
          <dt>Time left (estimate)</dt>
          <dd>about {formatSeconds(rate.etaSeconds)}</dd>
        </div>
      )}
    </dl>
  );
}
