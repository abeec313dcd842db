export type { BatchHandlersOptions } from "./batchHandlers.js";
export { batchHandlers, DEFAULT_BASE_URL } from "./batchHandlers.js";
export { createBatchSimulator } from "./createBatchSimulator.js";
export type { Fault, FaultInjector, PendingFault } from "./createFaultInjector.js";
export { createFaultInjector } from "./createFaultInjector.js";
export type { ValidationIssue } from "./SimulatedApiError.js";
export { SimulatedApiError } from "./SimulatedApiError.js";
export type {
  BatchSimulator,
  BatchSimulatorOptions,
  CallerOptions,
  FileContent,
  LineFailureOptions,
  ListJobsQuery,
  SignedUrlOptions,
  SimulatorClock,
  UploadFileInput,
} from "./types.js";
