import { useId, useState } from "react";

/** Props of `ConfirmAction`. */
export interface ConfirmActionProps {
  /** The button's name, e.g. "Cancel job". */
  label: string;
  /** The question asked before acting. */
  question: string;
  /** The confirming button's name, e.g. "Yes, cancel job". */
  confirmLabel: string;
  /** The button that backs out, e.g. "Keep job". */
  dismissLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * A button that asks first: it opens an inline confirmation (an alertdialog
 * with its own named buttons), so nothing destructive happens on one click.
 */
export function ConfirmAction(props: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  if (!asking) {
    return (
      <button
        type="button"
        className={props.danger ? "danger" : undefined}
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={questionId} className="confirm">
      <span id={questionId}>{props.question}</span>
      <button
        type="button"
        className={props.danger ? "danger" : undefined}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      {/* biome-ignore lint/a11y/noAutofocus: focus moves to the safe choice when the dialog opens */}
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        {props.dismissLabel}
      </button>
    </div>
  );
}
