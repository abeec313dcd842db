import { type FormEvent, useState } from "react";
import { STATUSES } from "../common/constants.js";
import { ModelField } from "../common/ModelField.js";
import { parseMetadata } from "../common/parseMetadata.js";
import type { JobListSearch } from "./jobListSearch.js";

type Filters = Pick<JobListSearch, "status" | "model" | "createdAfter" | "metadata">;

const NO_FILTERS: Filters = { status: [], model: "", createdAfter: "", metadata: "" };

/** The filter form of the jobs page: applied on submit, so typing does not refetch at every key. */
export function JobFilters({ value, onApply }: { value: Filters; onApply: (filters: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(value);
  const metadata = parseMetadata(draft.metadata);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (metadata.ok) onApply(draft);
  };
  const toggle = (status: Filters["status"][number], on: boolean) =>
    setDraft({ ...draft, status: on ? [...draft.status, status] : draft.status.filter((s) => s !== status) });

  return (
    <form className="filters" aria-label="Job filters" onSubmit={submit}>
      <fieldset>
        <legend>Status</legend>
        {STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={draft.status.includes(status)}
              onChange={(event) => toggle(status, event.target.checked)}
            />
            {status}
          </label>
        ))}
      </fieldset>
      <ModelField value={draft.model} onChange={(model) => setDraft({ ...draft, model })} />
      <label>
        Created after
        <input
          type="datetime-local"
          value={draft.createdAfter}
          onChange={(event) => setDraft({ ...draft, createdAfter: event.target.value })}
        />
      </label>
      <label>
        Metadata
        <input
          placeholder="key=value, key2=value2"
          value={draft.metadata}
          aria-invalid={!metadata.ok}
          aria-describedby={metadata.ok ? undefined : "filter-metadata-error"}
          onChange={(event) => setDraft({ ...draft, metadata: event.target.value })}
        />
      </label>
      {!metadata.ok && (
        <p id="filter-metadata-error" className="field-error">
          {metadata.error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
