import type { BatchJob } from "@mistral-batch/client";
import { useEffect, useState } from "react";
import { addSample, type ProgressSample } from "./progressSamples.js";

/** The progress the page has seen of a job, one sample each time its counts changed while it was open. */
export function useProgressSamples(job: BatchJob | undefined): ProgressSample[] {
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const completed = job?.completed_requests;
  const failed = job?.failed_requests;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a sample is taken when the counts change, not the object
  useEffect(() => {
    if (job) setSamples((previous) => addSample(previous, job, Date.now() / 1000));
  }, [completed, failed]);
  return samples;
}
