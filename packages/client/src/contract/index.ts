// The server side of the API's contract, shared by the mock (@mistral-batch/msw) and the proxy
// (@mistral-batch/express) so that both read requests and answer bad ones as the API does. Browser
// bundles of the client never import it.

export { isUuid } from "../internal/validate.js";
// One byte count for JSONL: the client's runs split files by it, the mock reports file sizes by it.
export { utf8Length } from "../jsonl/utf8Length.js";
export { BATCH_INPUT_ISSUE, checkCreateBatchJob } from "./checkCreateBatchJob.js";
export type { ApiErrorBody } from "./errorBodies.js";
export { apiErrorBody, notFoundBody, validationErrorBody } from "./errorBodies.js";
export { jsonTextNestsDeeperThan, MAX_JSON_DEPTH, nestsDeeperThan } from "./jsonDepth.js";
export type { FileListQueryReading } from "./readFileListQuery.js";
export { readFileListQuery } from "./readFileListQuery.js";
export type { GetJobQueryReading } from "./readGetJobQuery.js";
export { readGetJobQuery } from "./readGetJobQuery.js";
export type { ListQueryReading } from "./readListQuery.js";
export { isExplodedMetadataKey, readListQuery } from "./readListQuery.js";
export type { SignedUrlQueryReading } from "./readSignedUrlQuery.js";
export { readSignedUrlQuery } from "./readSignedUrlQuery.js";
export type { UploadFieldsReading } from "./readUploadFields.js";
export { readUploadFields } from "./readUploadFields.js";
export type { ApiOperation, ApiRoute, RouteMatch, RouteMiss } from "./routes.js";
export { API_ROUTES, matchApiRoute, routeOf } from "./routes.js";
export type { KnownValuesOption } from "./validationIssues.js";
