export type {
  BatchHandlersOptions,
  BatchSimulator,
  BatchSimulatorOptions,
  CallerOptions,
  Fault,
  FaultInjector,
  FileContent,
  ListJobsQuery,
  PendingFault,
  SignedUrlOptions,
  SimulatorClock,
  UploadFileInput,
  ValidationIssue,
} from "../index.js";
export {
  batchHandlers,
  createBatchSimulator,
  createFaultInjector,
  DEFAULT_BASE_URL,
  SimulatedApiError,
} from "../index.js";
export type { MockServer, MockServerOptions } from "./startMockServer.js";
export { startMockServer } from "./startMockServer.js";
