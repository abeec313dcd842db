import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryRunStore, type RunStore } from "../index.js";
import { createFileRunStore } from "../node/index.js";
import { runStoreContract } from "./index.js";

const directory = await mkdtemp(join(tmpdir(), "run-store-"));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe.each([
  ["the memory store", () => createMemoryRunStore()],
  ["the file store", () => createFileRunStore(directory)],
])("%s keeps the RunStore contract", (_, createStore) => {
  for (const check of runStoreContract(createStore)) it(check.name, check.run);
});

describe("the contract catches a broken store", () => {
  const greedy = (): RunStore => ({ ...createMemoryRunStore(), acquireLease: async () => true });
  const sharing = (): RunStore => {
    const store = createMemoryRunStore();
    const saved = new Map<string, unknown>();
    return {
      ...store,
      async save(manifest) {
        saved.set(manifest.runId, manifest); // keeps the caller's object: later changes leak in
      },
      async load(runId) {
        return saved.get(runId) as never;
      },
    };
  };

  it.each([
    ["a lease for everyone", greedy, "a live lease must not go to another holder"],
    ["a manifest kept by reference", sharing, "a manifest must not change once saved"],
  ])("%s", async (_, createStore, message) => {
    const failures: string[] = [];
    for (const check of runStoreContract(createStore)) await check.run().catch((e: Error) => failures.push(e.message));
    expect(failures.join("\n")).toContain(message);
  });
});
