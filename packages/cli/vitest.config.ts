import { mergeConfig } from "vitest/config";
import { sharedVitestConfig } from "../../vitest.shared.js";

// One test file at a time: each drives the bin in child processes against a real-time mock whose jobs last a
// fraction of a second, and two files at once on two cores let a job end before a test can cancel it.
export default mergeConfig(sharedVitestConfig, { test: { fileParallelism: false } });
