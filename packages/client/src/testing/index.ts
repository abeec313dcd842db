/** Checks for adapters of the client's interfaces, to run in your own tests. */
export type { RunStoreCheck } from "./runStoreContract.js";
export { runStoreContract } from "./runStoreContract.js";
