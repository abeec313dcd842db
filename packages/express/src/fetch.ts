export type { FetchHandler, FetchHandlerOptions } from "./adapters/fetch/createFetchHandler.js";
export { createFetchHandler } from "./adapters/fetch/createFetchHandler.js";
export {
  DEFAULT_EVENT_STREAM_OPTIONS,
  DEFAULT_LIMITS,
  DEFAULT_OWNER_METADATA_KEY,
  DEFAULT_PROXY_TIMEOUT_MS,
} from "./defaults.js";
export type {
  EventStreamOptions,
  MistralBatchProxyOptions,
  ProxyLimits,
  ProxyOperation,
  ProxyRequestEvent,
  ProxyUser,
} from "./types.js";
