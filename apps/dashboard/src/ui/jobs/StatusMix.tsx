import type { BatchJob } from "@mistral-batch/client";
import { statusTone } from "../common/statusTone.js";
import { statusMix } from "./statusMix.js";

/**
 * The statuses of the jobs shown, as one stacked bar (SVG) with a legend of counts: how a list is doing at a glance.
 * The bar is one `role="img"` whose name says the same as the legend.
 */
export function StatusMix({ jobs }: { jobs: readonly BatchJob[] }) {
  const mix = statusMix(jobs);
  if (mix.length === 0) return null;
  const words = mix.map(({ status, count }) => `${count} ${status}`).join(", ");
  let x = 0;
  return (
    <figure className="status-mix">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={`Status of the jobs shown: ${words}`}>
        {mix.map(({ status, count }) => {
          const width = (count / jobs.length) * 100;
          const rect = (
            <rect key={status} className={`mix-${statusTone(status)}`} x={x} y={0} width={width} height={6} />
          );
          x += width;
          return rect;
        })}
      </svg>
      <figcaption>
        <ul className="mix-legend">
          {mix.map(({ status, count }) => (
            <li key={status}>
              <span className={`key mix-${statusTone(status)}`} aria-hidden="true" />
              {count} {status}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
