import type { RequestCheck } from "./checkRequests.js";

/** What the check found: a count when the requests are fine, else every bad line with its number. */
export function RequestCheckReport({ check, id }: { check: RequestCheck; id: string }) {
  switch (check.state) {
    case "checking":
      return (
        <p id={id} role="status" className="muted">
          Checking the requests…
        </p>
      );
    case "valid":
      return (
        <p id={id} role="status" className="ok">
          {check.count} request{check.count === 1 ? "" : "s"}, all valid.
        </p>
      );
    case "empty":
      return (
        <p id={id} role="status" className="muted">
          No requests yet.
        </p>
      );
    case "unreadable":
      return (
        <p id={id} role="alert" className="field-error">
          {check.message}
        </p>
      );
    case "invalid":
      return (
        <div id={id} role="alert" className="notice notice-error">
          <strong>
            {check.issues.length} invalid line{check.issues.length === 1 ? "" : "s"}: fix them before creating the job.
          </strong>
          <ul>
            {check.issues.map((issue) => (
              <li key={`${issue.lineNumber}:${issue.message}`}>
                Line {issue.lineNumber}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}
