import type { BatchRequest } from "@mistral-batch/client";

/** `count` inline chat requests with custom ids "r0", "r1", ... */
export function chatRequests(count: number): BatchRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    custom_id: `r${i}`,
    body: { max_tokens: 10, messages: [{ role: "user", content: `Question ${i}` }] },
  }));
}

/** The same requests as a JSONL input file. */
export function chatJsonl(count: number): string {
  return chatRequests(count)
    .map((r) => JSON.stringify(r))
    .join("\n");
}

/** Reads a stream of JSONL bytes into parsed lines. */
export async function readJsonl(stream: ReadableStream<Uint8Array>): Promise<Record<string, unknown>[]> {
  const text = await new Response(stream).text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** What a simulator method throws, for asserting on status and body. */
export function thrown(fn: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { status: number; body: Record<string, unknown> };
  }
  throw new Error("expected the call to throw");
}
