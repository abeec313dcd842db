import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes chunks to `path` so that the file appears only when complete: they go to a temporary file beside it,
 * renamed over `path` at the end. A crash or an error leaves no file that looks complete (and no temporary one
 * after an error).
 */
export async function writeAtomically(path: string, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  await removeAbandoned(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const out = createWriteStream(temporary);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes the temporary files of earlier writes to `path` whose process is gone (killed before its rename). */
async function removeAbandoned(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const siblings = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of siblings) {
    const pid = Number(name.slice(prefix.length, -".partial".length));
    if (!name.startsWith(prefix) || !name.endsWith(".partial") || !Number.isInteger(pid) || isAlive(pid)) continue;
    await rm(join(dirname(path), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}
