import type { BatchJob } from "@mistral-batch/client";
import { formatSeconds } from "../common/format.js";
import { chartSamples, type ProgressSample } from "./progressSamples.js";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

/**
 * Requests done over time since the job started, as a small SVG: completed requests as a filled line, failed ones
 * as a red line beneath. One `role="img"` with a sentence for screen readers; the numbers are also in the page.
 */
export function ProgressChart({
  job,
  samples,
  nowSeconds,
}: {
  job: BatchJob;
  samples: readonly ProgressSample[];
  nowSeconds: number;
}) {
  const points = chartSamples(samples, job, nowSeconds);
  if (points.length === 0) return <p className="muted">The chart starts when the job does.</p>;
  const start = points[0]!.t;
  const span = Math.max(1, points.at(-1)!.t - start);
  const top = Math.max(1, job.total_requests);
  const x = (t: number) => PAD.left + ((t - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (n: number) => HEIGHT - PAD.bottom - (n / top) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (pick: (sample: ProgressSample) => number) =>
    points.map((sample) => `${x(sample.t).toFixed(1)},${y(pick(sample)).toFixed(1)}`).join(" ");
  const completed = line((sample) => sample.completed);
  const base = y(0).toFixed(1);
  const area = `${x(start).toFixed(1)},${base} ${completed} ${x(points.at(-1)!.t).toFixed(1)},${base}`;
  const last = points.at(-1)!;
  const label = `Progress over time: ${last.completed} of ${job.total_requests} requests done, ${last.failed} failed, after ${formatSeconds(span)}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <line className="chart-axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        <line className="chart-grid" x1={PAD.left} y1={y(top)} x2={WIDTH - PAD.right} y2={y(top)} />
        <polygon className="chart-area" points={area} />
        <polyline className="chart-completed" points={completed} />
        <polyline className="chart-failed" points={line((sample) => sample.failed)} />
        <text className="chart-label" x={PAD.left - 4} y={y(top) + 4} textAnchor="end">
          {top}
        </text>
        <text className="chart-label" x={PAD.left - 4} y={y(0)} textAnchor="end">
          0
        </text>
        <text className="chart-label" x={PAD.left} y={HEIGHT - 4}>
          0s
        </text>
        <text className="chart-label" x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end">
          {formatSeconds(span)}
        </text>
      </svg>
      <figcaption className="muted">
        <span className="key key-completed" aria-hidden="true" /> completed{" "}
        <span className="key key-failed" aria-hidden="true" /> failed, requests since the job started
      </figcaption>
    </figure>
  );
}
