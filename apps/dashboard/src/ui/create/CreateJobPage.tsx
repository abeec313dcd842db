import { type ApiEndpoint, MAX_INLINE_REQUESTS } from "@mistral-batch/client";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useMemo, useState } from "react";
import { ENDPOINTS } from "../common/constants.js";
import { ModelField } from "../common/ModelField.js";
import { PageHeading } from "../common/PageHeading.js";
import { parseMetadata } from "../common/parseMetadata.js";
import { ErrorNotice } from "../common/QueryStatus.js";
import { RequestCheckReport } from "./RequestCheckReport.js";
import { requestTemplate } from "./requestTemplates.js";
import { useRequestCheck } from "./useRequestCheck.js";
import { type NewJob, useSubmitJob } from "./useSubmitJob.js";

/** The form that creates a job from a JSONL file or from inline requests. */
export function CreateJobPage() {
  const [endpoint, setEndpoint] = useState<ApiEndpoint>("/v1/chat/completions");
  const [model, setModel] = useState("mistral-small-latest");
  const [source, setSource] = useState<"file" | "inline">("file");
  const [file, setFile] = useState<File | null>(null);
  const [inline, setInline] = useState(() => requestTemplate("/v1/chat/completions"));
  const [metadataText, setMetadataText] = useState("");
  const [timeoutHours, setTimeoutHours] = useState(24);
  const [touched, setTouched] = useState(false);
  const inlineBlob = useMemo(() => (inline.trim() ? new Blob([inline]) : null), [inline]);
  const fileCheck = useRequestCheck(source === "file" ? file : null);
  const inlineCheck = useRequestCheck(source === "inline" ? inlineBlob : null, MAX_INLINE_REQUESTS, 300);
  const check = source === "file" ? fileCheck : inlineCheck;
  const metadata = parseMetadata(metadataText);
  const submit = useSubmitJob();
  const navigate = useNavigate();
  const ids = { check: useId(), metadata: useId(), source: useId() };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check.state !== "valid" || !metadata.ok) return;
    const job: NewJob = {
      endpoint,
      model,
      metadata: metadata.metadata,
      timeout_hours: timeoutHours,
      ...(source === "file" && file ? { file } : { requests: inline }),
    };
    submit.mutate(job, {
      onSuccess: (created) => void navigate({ to: "/jobs/$jobId", params: { jobId: created.id } }),
    });
  };

  return (
    <section aria-labelledby="create-title">
      <p>
        <Link to="/">← All jobs</Link>
      </p>
      <PageHeading id="create-title" title="New batch job" />
      <form className="create" onSubmit={onSubmit} noValidate>
        <label>
          Endpoint
          <select value={endpoint} onChange={(event) => setEndpoint(event.target.value)}>
            {ENDPOINTS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <ModelField required value={model} onChange={setModel} />
        <fieldset>
          <legend>Requests</legend>
          <label className="check">
            <input type="radio" name={ids.source} checked={source === "file"} onChange={() => setSource("file")} />
            Upload a JSONL file
          </label>
          <label className="check">
            <input type="radio" name={ids.source} checked={source === "inline"} onChange={() => setSource("inline")} />
            Write requests inline
          </label>
          {source === "file" ? (
            <label>
              JSONL file
              <input
                type="file"
                accept=".jsonl,application/jsonl,application/x-ndjson,text/plain"
                aria-describedby={ids.check}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </label>
          ) : (
            <>
              <label>
                Inline requests (one JSON object per line)
                <textarea
                  rows={8}
                  spellCheck={false}
                  value={inline}
                  aria-describedby={ids.check}
                  onChange={(event) => setInline(event.target.value)}
                />
              </label>
              <button type="button" onClick={() => setInline(requestTemplate(endpoint))}>
                Fill in a template for {endpoint}
              </button>
            </>
          )}
          {(check.state !== "empty" || touched) && <RequestCheckReport id={ids.check} check={check} />}
        </fieldset>
        <label>
          Metadata
          <textarea
            rows={2}
            placeholder={"project=demo\nteam=search"}
            value={metadataText}
            aria-invalid={!metadata.ok}
            aria-describedby={ids.metadata}
            onChange={(event) => setMetadataText(event.target.value)}
          />
        </label>
        <p id={ids.metadata} className={metadata.ok ? "hint" : "field-error"}>
          {metadata.ok
            ? "key=value, one per line. The server records you as the job's owner under the key owner."
            : metadata.error}
        </p>
        <label>
          Timeout (hours)
          <input
            type="number"
            min={1}
            max={168}
            value={timeoutHours}
            onChange={(event) => setTimeoutHours(Number(event.target.value))}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.isPending}>
            Create job
          </button>
          {submit.isPending && (
            <span role="status" className="muted">
              {submit.step === "upload" ? "Uploading the file…" : "Creating the job…"}
            </span>
          )}
        </div>
        {submit.isError && <ErrorNotice title="The job was not created." error={submit.error} />}
      </form>
    </section>
  );
}
