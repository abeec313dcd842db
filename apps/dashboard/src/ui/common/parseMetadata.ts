/** Metadata parsed from text, or the reason it could not be. */
export type ParsedMetadata = { ok: true; metadata: Record<string, string> } | { ok: false; error: string };

/**
 * Reads `key=value` pairs separated by commas or new lines, as typed in the
 * metadata fields. Blank entries are skipped; an entry without `=` or with an
 * empty key is an error naming it.
 */
export function parseMetadata(text: string): ParsedMetadata {
  const metadata: Record<string, string> = {};
  for (const entry of text.split(/[,\n]/)) {
    if (entry.trim() === "") continue;
    const eq = entry.indexOf("=");
    const key = eq === -1 ? "" : entry.slice(0, eq).trim();
    if (key === "") return { ok: false, error: `"${entry.trim()}" is not key=value` };
    metadata[key] = entry.slice(eq + 1).trim();
  }
  return { ok: true, metadata };
}

/** The inverse of `parseMetadata`, one pair per entry. */
export function formatMetadata(metadata: Record<string, unknown>, separator = ", "): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(separator);
}
