import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

const SRC = new URL("../src", import.meta.url).pathname;

/** Every source file of the package (tests left out), by path relative to src/. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test") ? [relative(SRC, path)] : [];
  });
}

const FILES = sourceFiles();
const TEXT = new Map(FILES.map((file) => [file, readFileSync(join(SRC, file), "utf8")]));

/** The package files a file imports (type imports included), relative to src/. */
function importsOf(file: string): string[] {
  const text = TEXT.get(file) ?? "";
  return [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((match) =>
    relative(SRC, resolve(SRC, dirname(file), match[1]!.replace(/\.js$/, ".ts"))),
  );
}

it("has no import cycle", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
      return;
    }
    state.set(file, "open");
    for (const next of importsOf(file)) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of FILES) visit(file, []);
  expect(cycles).toEqual([]);
});

it("keeps Node and Express to their adapters: the core and the fetch adapter import neither", () => {
  const shared = FILES.filter((file) => file.startsWith("internal/") || file.startsWith("adapters/fetch/"));
  const offending = shared.flatMap((file) =>
    [...(TEXT.get(file) ?? "").matchAll(/from "(node:[^"]+|express)"/g)].map((match) => `${file}: ${match[1]}`),
  );
  const reachingUp = shared.flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith("adapters/node/") || target.startsWith("adapters/express/"))
      .map((target) => `${file} -> ${target}`),
  );
  expect([...offending, ...reachingUp]).toEqual([]);
});

it("builds every error answer in the one catalogue", () => {
  const outside = FILES.filter(
    (file) => file !== "internal/core/errors.ts" && /new ProxyError\(|errorBody\(/.test(TEXT.get(file) ?? ""),
  );
  // sanitizeErrorBody rebuilds the upstream's own error body with the catalogue's `errorBody`.
  expect(outside).toEqual(["internal/upstream/sanitizeErrorBody.ts"]);
});
