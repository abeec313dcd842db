import type { KnownApiEndpoint, KnownBatchJobStatus } from "@mistral-batch/client";

/** Every status the API documents, in the order a job goes through them. */
export const STATUSES: readonly KnownBatchJobStatus[] = [
  "QUEUED",
  "RUNNING",
  "SUCCESS",
  "FAILED",
  "TIMEOUT_EXCEEDED",
  "CANCELLATION_REQUESTED",
  "CANCELLED",
];

/** The endpoints offered when creating a job. */
export const ENDPOINTS: readonly KnownApiEndpoint[] = [
  "/v1/chat/completions",
  "/v1/embeddings",
  "/v1/fim/completions",
  "/v1/moderations",
  "/v1/chat/moderations",
  "/v1/ocr",
  "/v1/classifications",
  "/v1/chat/classifications",
  "/v1/conversations",
  "/v1/audio/transcriptions",
];

/** Models suggested in the model fields; any other name may be typed. */
export const MODELS = [
  "mistral-small-latest",
  "mistral-medium-latest",
  "mistral-large-latest",
  "ministral-8b-latest",
  "codestral-latest",
  "mistral-embed",
  "mistral-moderation-latest",
  "mistral-ocr-latest",
] as const;
