import { readFile } from "node:fs/promises";

const README = new URL("../../README.md", import.meta.url);

/** The code of the README's block that starts with the comment `// <name>`, whatever its fence says after `ts`. */
export async function readmeBlock(name: string): Promise<string | undefined> {
  const readme = await readFile(README, "utf8");
  const escaped = name.replace(/[[\].]/g, "\\$&");
  return new RegExp(`\`\`\`ts[^\\n]*\\n(// ${escaped}\\n[\\s\\S]*?)\`\`\``).exec(readme)?.[1];
}
