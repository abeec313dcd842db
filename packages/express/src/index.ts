export type { ProxyHandler } from "./createProxyHandler.js";
export { createProxyHandler } from "./createProxyHandler.js";
export { DEFAULT_LIMITS, DEFAULT_OWNER_METADATA_KEY, DEFAULT_PROXY_TIMEOUT_MS } from "./defaults.js";
export { MAX_INPUT_FILES, MAX_JOB_PAGES_SEARCHED } from "./internal/fileOwnership.js";
export { MAX_FILES_SCANNED } from "./internal/listOwnedFiles.js";
export { MAX_JOBS_SCANNED } from "./internal/listOwnedJobs.js";
export type { MistralBatchProxyMiddleware } from "./mistralBatchProxy.js";
export { mistralBatchProxy } from "./mistralBatchProxy.js";
export type {
  MistralBatchProxyOptions,
  ProxyLimits,
  ProxyOperation,
  ProxyRequest,
  ProxyRequestEvent,
  ProxyUser,
} from "./types.js";
