import { randomUUID } from "node:crypto";
import { link, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { RunManifest, RunStore } from "../workflows/runs/RunStore.js";

interface Lease {
  holder: string;
  expiresAt: number;
}

/**
 * A `RunStore` in a directory, for Node: `<runId>.json` holds the manifest and
 * `<runId>.lease` the lease. A manifest is written to a temporary file, synced
 * and renamed over the old one, so a crash at any instant leaves the old
 * manifest or the new one, never half of one. A lease is created with an
 * exclusive open; an expired one is taken over by renaming it away first, a
 * step only one process can win.
 *
 * @example
 * const store = createFileRunStore(".mistral-batch/runs");
 * const run = await mistral.batch.run(params, { runId: "nightly-2026-12-02", store });
 */
export function createFileRunStore(directory: string): RunStore {
  const ready = mkdir(directory, { recursive: true });
  const pathOf = (runId: string, extension: string) => join(directory, `${encodeURIComponent(runId)}.${extension}`);

  async function writeAtomically(path: string, text: string): Promise<void> {
    const temporary = `${path}.${randomUUID()}.tmp`;
    const file = await open(temporary, "wx");
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  }

  async function readLease(path: string): Promise<{ lease: Lease; text: string } | undefined> {
    const text = await readFile(path, "utf8").catch(ignore("ENOENT"));
    if (text === undefined) return undefined;
    try {
      return { lease: JSON.parse(text) as Lease, text };
    } catch {
      return { lease: { holder: "", expiresAt: 0 }, text }; // a lease cut short by a crash has expired
    }
  }

  async function createLease(path: string, lease: Lease): Promise<boolean> {
    const file = await open(path, "wx").catch(ignore("EEXIST"));
    if (!file) return false;
    try {
      await file.writeFile(JSON.stringify(lease));
      await file.sync();
    } finally {
      await file.close();
    }
    return true;
  }

  return {
    async load(runId) {
      await ready;
      const text = await readFile(pathOf(runId, "json"), "utf8").catch(ignore("ENOENT"));
      return text === undefined ? undefined : (JSON.parse(text) as RunManifest);
    },
    async save(manifest) {
      await ready;
      await writeAtomically(pathOf(manifest.runId, "json"), JSON.stringify(manifest));
    },
    async acquireLease(runId, holder, ttlMs) {
      await ready;
      const path = pathOf(runId, "lease");
      const lease = () => ({ holder, expiresAt: Date.now() + ttlMs });
      for (;;) {
        if (await createLease(path, lease())) return true;
        const current = await readLease(path);
        if (!current) continue; // released meanwhile: try again
        if (current.lease.holder === holder) {
          await writeAtomically(path, JSON.stringify(lease()));
          return true;
        }
        if (current.lease.expiresAt > Date.now()) return false;
        // Expired: move it aside. Of several processes doing this, one moves it; the others find it gone.
        const aside = `${path}.${randomUUID()}.expired`;
        const movedAside = await rename(path, aside).then(() => true, ignore("ENOENT"));
        if (!movedAside) continue;
        if ((await readFile(aside, "utf8")) !== current.text) {
          // Another process replaced the expired lease with its own before the move: put that one back.
          await link(aside, path).catch(ignore("EEXIST"));
          await unlink(aside);
          return false;
        }
        await unlink(aside);
      }
    },
    async releaseLease(runId, holder) {
      await ready;
      const path = pathOf(runId, "lease");
      const current = await readLease(path);
      if (current?.lease.holder === holder) await unlink(path).catch(ignore("ENOENT"));
    },
  };
}

/** A catch handler that turns the error of the given code into `undefined`, and rethrows any other. */
function ignore(code: string) {
  return (error: NodeJS.ErrnoException): never | undefined => {
    if (error.code === code) return undefined;
    throw error;
  };
}
