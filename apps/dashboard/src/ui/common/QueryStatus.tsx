import type { ReactNode } from "react";
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
