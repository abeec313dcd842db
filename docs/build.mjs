// `pnpm docs`: the API reference of every public package, in docs/api/<package>/, with TypeDoc (on TypeScript 6:
// TypeDoc needs the compiler's JavaScript API, which TypeScript 7 has not). Its entry points are the package's
// `exports`, read through the source condition; an export without a doc comment fails the build.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
/** Types a package's exports refer to without exporting them, by package directory. */
const INTENTIONALLY_NOT_EXPORTED = {
  client: [
    "CallContext", // the state operations share, behind `MistralBatchCore`: users only pass it on
    "ValidationError", // the generated twin of the exported `ValidationIssue`, in `HttpValidationError.detail`
  ],
};
const out = join(root, "docs/api");
rmSync(out, { recursive: true, force: true });

for (const dir of readdirSync(join(root, "packages")).sort()) {
  const packageDir = join(root, "packages", dir);
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const entryPoints = Object.values(manifest.exports ?? {})
    .map((conditions) => conditions?.["@mistral-batch/source"])
    .filter(Boolean)
    .map((source) => join(packageDir, source));
  if (manifest.private || entryPoints.length === 0) continue; // the CLI is a bin: it has no module to document
  execFileSync(
    "typedoc",
    [
      ...["--options", join(root, "docs/typedoc.config.mjs"), "--tsconfig", join(packageDir, "tsconfig.json")],
      ...["--name", manifest.name, "--out", join(out, dir)],
      ...(INTENTIONALLY_NOT_EXPORTED[dir] ?? []).flatMap((name) => ["--intentionallyNotExported", name]),
      ...entryPoints,
    ],
    { stdio: "inherit" },
  );
}
