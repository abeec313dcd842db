import type { BatchJob } from "@mistral-batch/client";

/** Where the browser downloads a file: the proxy streams it, and checks the user may read it. */
export function fileContentUrl(fileId: string): string {
  return `/api/mistral/v1/files/${encodeURIComponent(fileId)}/content`;
}

/** Download links for the job's output and error files, once they exist. */
export function JobFiles({ job }: { job: BatchJob }) {
  if (!job.output_file && !job.error_file) return <p className="muted">No output or error file yet.</p>;
  return (
    <ul className="files">
      {job.output_file && (
        <li>
          <a href={fileContentUrl(job.output_file)} download={`${job.id}-output.jsonl`}>
            Download output file
          </a>
        </li>
      )}
      {job.error_file && (
        <li>
          <a href={fileContentUrl(job.error_file)} download={`${job.id}-errors.jsonl`}>
            Download error file
          </a>
        </li>
      )}
    </ul>
  );
}
