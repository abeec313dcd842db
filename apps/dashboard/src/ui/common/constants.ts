import { KNOWN_API_ENDPOINTS, KNOWN_BATCH_JOB_STATUSES } from "@mistral-batch/client";

/** Every status the API documents, in the order a job goes through them. */
export const STATUSES = KNOWN_BATCH_JOB_STATUSES;

/** The endpoints offered when creating a job. */
export const ENDPOINTS = KNOWN_API_ENDPOINTS;

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
