import type { ReactNode } from "react";
import { describeFailure } from "./describeFailure.js";
import { errorMessage } from "./format.js";

/** A polite "loading" line for screen readers and eyes alike. */
export function Loading({ children = "Loading…" }: { children?: ReactNode }) {
  return (
    <p role="status" className="muted">
      {children}
    </p>
  );
}

/** An error with what failed, the reason, and a retry button when one makes sense. */
export function ErrorNotice({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <strong>{title}</strong> {errorMessage(error)}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * A failed load, said at the first failure rather than after the retries: which link is broken (the Mistral API
 * behind the proxy, or the dashboard server), the server's words, and whether it is being tried again. With
 * `stale`, the page still shows what it had.
 */
export function QueryProblem({
  error,
  what,
  retrying,
  stale,
  onRetry,
}: {
  error: unknown;
  what: string;
  retrying: boolean;
  stale?: boolean;
  onRetry: () => void;
}) {
  const failure = describeFailure(error, what);
  return (
    <div role="alert" className="notice notice-error">
      <strong>{failure.title}</strong> {failure.detail}.{stale && ` Showing ${what} as last loaded.`}{" "}
      {retrying ? (
        <span>Trying again…</span>
      ) : (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
