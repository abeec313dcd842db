export type { MistralBatchProxyMiddleware } from "./adapters/express/mistralBatchProxy.js";
export { mistralBatchProxy } from "./adapters/express/mistralBatchProxy.js";
export type { ProxyHandler } from "./adapters/node/createProxyHandler.js";
export { createProxyHandler } from "./adapters/node/createProxyHandler.js";
export {
  DEFAULT_EVENT_STREAM_OPTIONS,
  DEFAULT_LIMITS,
  DEFAULT_OWNER_METADATA_KEY,
  DEFAULT_PROXY_TIMEOUT_MS,
} from "./defaults.js";
export { MAX_INPUT_FILES, MAX_JOB_PAGES_SEARCHED } from "./internal/ownership/fileOwnership.js";
export { MAX_FILES_SCANNED } from "./internal/ownership/listOwnedFiles.js";
export { MAX_JOBS_SCANNED } from "./internal/ownership/listOwnedJobs.js";
export type {
  EventStreamOptions,
  MistralBatchProxyOptions,
  ProxyLimits,
  ProxyOperation,
  ProxyRequest,
  ProxyRequestEvent,
  ProxyUser,
} from "./types.js";
