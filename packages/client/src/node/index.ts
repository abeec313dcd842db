/**
 * What runs only on Node: a `RunStore` in a directory. Browser and edge
 * bundles never see this entry.
 */
export { createFileRunStore } from "./createFileRunStore.js";
