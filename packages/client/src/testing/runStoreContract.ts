import type { RunManifest, RunStore } from "../workflows/runs/RunStore.js";

/** One check of the contract: register it with your test framework. */
export interface RunStoreCheck {
  /** What the check expects of the store, as a test name. */
  name: string;
  /** Runs the check on a new store; rejects with what the store did wrong. */
  run(): Promise<void>;
}

/**
 * The behaviour `batch.run` relies on from a `RunStore`, as checks to run
 * against an adapter of your own (a database, say). Each check gets a fresh
 * store from `createStore`; each throws when the store breaks the contract.
 *
 * @example
 * import { runStoreContract } from "@mistral-batch/client/testing";
 * for (const check of runStoreContract(() => createPostgresRunStore(pool))) it(check.name, check.run);
 */
export function runStoreContract(createStore: () => RunStore | Promise<RunStore>): RunStoreCheck[] {
  const check = (name: string, body: (store: RunStore) => Promise<void>): RunStoreCheck => ({
    name,
    run: async () => body(await createStore()),
  });
  return [
    check("loads nothing for a run never saved", async (store) => {
      expect((await store.load(uniqueId())) === undefined, "load of an unknown run should be undefined");
    }),
    check("loads what was saved, as a copy", async (store) => {
      const saved = manifest(uniqueId(), 3);
      await store.save(saved);
      const loaded = await store.load(saved.runId);
      expect(same(loaded, saved), "load should return the saved manifest");
      saved.state = "cancelled";
      expect(same(await store.load(saved.runId), manifest(saved.runId, 3)), "a manifest must not change once saved");
      const again = await store.load(saved.runId);
      if (again) again.parts.push({ index: 99, attempt: 1 });
      expect(same(await store.load(saved.runId), manifest(saved.runId, 3)), "a loaded copy must not be the saved one");
    }),
    check("replaces a manifest on save, and keeps runs apart", async (store) => {
      const [a, b] = [uniqueId(), uniqueId()];
      await store.save(manifest(a, 1));
      await store.save(manifest(b, 2));
      await store.save({ ...manifest(a, 4), state: "finished" });
      expect(same(await store.load(a), { ...manifest(a, 4), state: "finished" }), "the last save should win");
      expect(same(await store.load(b), manifest(b, 2)), "another run's manifest must not change");
    }),
    check("keeps a manifest of 10,000 parts whole", async (store) => {
      const big = manifest(uniqueId(), 10_000);
      await store.save(big);
      expect(same(await store.load(big.runId), big), "a large manifest should load as saved");
    }),
    check("grants a lease to one holder at a time, and renews it for that holder", async (store) => {
      const runId = uniqueId();
      expect(await store.acquireLease(runId, "a", 60_000), "a free lease should be granted");
      expect(await store.acquireLease(runId, "a", 60_000), "the holder should be able to renew");
      expect(!(await store.acquireLease(runId, "b", 60_000)), "a live lease must not go to another holder");
      expect(await store.acquireLease(uniqueId(), "b", 60_000), "another run's lease should be free");
    }),
    check("hands an expired lease over", async (store) => {
      const runId = uniqueId();
      expect(await store.acquireLease(runId, "a", 50), "a free lease should be granted");
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.acquireLease(runId, "b", 60_000), "an expired lease should go to a new holder");
      expect(!(await store.acquireLease(runId, "a", 60_000)), "the old holder must not get it back");
    }),
    check("releases a lease for its holder only", async (store) => {
      const runId = uniqueId();
      await store.acquireLease(runId, "a", 60_000);
      await store.releaseLease(runId, "b");
      expect(!(await store.acquireLease(runId, "b", 60_000)), "a release by another holder must do nothing");
      await store.releaseLease(runId, "a");
      expect(await store.acquireLease(runId, "b", 60_000), "a released lease should be free");
    }),
    check("grants a free lease to exactly one of ten holders asking at once", async (store) => {
      const runId = uniqueId();
      const granted = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.acquireLease(runId, `holder-${i}`, 60_000)),
      );
      expect(granted.filter(Boolean).length === 1, `${granted.filter(Boolean).length} holders got the lease`);
    }),
  ];
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(`RunStore contract: ${message}`);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniqueId(): string {
  return `contract-${crypto.randomUUID()}`;
}

function manifest(runId: string, parts: number): RunManifest {
  return {
    version: 1,
    runId,
    endpoint: "/v1/embeddings",
    model: "mistral-embed",
    maxAttempts: 3,
    state: "running",
    inputDone: false,
    parts: Array.from({ length: parts }, (_, index) => ({ index, attempt: 1, firstLine: index * 10, lines: 10 })),
  };
}
