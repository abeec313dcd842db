export type { FetchHandler, FetchHandlerOptions } from "./adapters/fetch/createFetchHandler.js";
export { createFetchHandler } from "./adapters/fetch/createFetchHandler.js";
export { DEFAULT_LIMITS, DEFAULT_OWNER_METADATA_KEY, DEFAULT_PROXY_TIMEOUT_MS } from "./defaults.js";
export type {
  MistralBatchProxyOptions,
  ProxyLimits,
  ProxyOperation,
  ProxyRequestEvent,
  ProxyUser,
} from "./types.js";
