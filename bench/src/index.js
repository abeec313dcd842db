// Runs every src/<package>/*.bench.js (or only those whose path contains an argument) and prints their figures.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(root, { recursive: true })
  .filter((file) => String(file).endsWith(".bench.js"))
  .filter((file) => filters.length === 0 || filters.some((f) => String(file).includes(f)))
  .sort();

for (const file of files) {
  const { default: run } = await import(pathToFileURL(`${root}${file}`).href);
  console.log(`\n## ${file}`);
  await run((name, value) => console.log(`${name.padEnd(56)} ${value}`));
}
