// `pnpm run docs` (`pnpm docs` is pnpm's own command): the API reference of every public package, written to
// docs/api/<package>/ by TypeDoc, which runs on TypeScript 6 (it needs the compiler's JavaScript API, which
// TypeScript 7 does not have). Its entry points are the package's `exports`, read through the source condition;
// an export without a doc comment fails the build, and so does a README that does not link its reference.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "docs/api");
/** Types a package's exports refer to without exporting them, by package directory. */
const INTENTIONALLY_NOT_EXPORTED = {
  client: [
    "CallContext", // the state operations share, behind `MistralBatchCore`: users only pass it on
    "ValidationError", // the generated twin of the exported `ValidationIssue`, in `HttpValidationError.detail`
  ],
};

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
  // An absolute link: npm shows the README away from the repository.
  const repository = manifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
  const reference = `${repository}/blob/main/docs/api/${dir}/README.md`;
  if (!readFileSync(join(packageDir, "README.md"), "utf8").includes(`](${reference})`)) {
    console.error(`packages/${dir}/README.md does not link its API reference, ${reference}`);
    process.exitCode = 1;
  }
}
