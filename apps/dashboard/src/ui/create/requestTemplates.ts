import type { ApiEndpoint } from "@mistral-batch/client";

// One example body per endpoint family; the custom_ids are filled in by `requestTemplate`.
const BODIES: Record<string, (n: number) => Record<string, unknown>> = {
  "/v1/chat/completions": (n) => ({
    messages: [{ role: "user", content: `Write a haiku about the number ${n}.` }],
    max_tokens: 100,
  }),
  "/v1/embeddings": (n) => ({ input: [`Sentence number ${n} to embed.`] }),
  "/v1/fim/completions": (n) => ({ prompt: `def add_${n}(a, b):\n    return `, suffix: "", max_tokens: 32 }),
  "/v1/moderations": (n) => ({ input: [`Text number ${n} to moderate.`] }),
  "/v1/chat/moderations": (n) => ({ input: [{ role: "user", content: `Message number ${n} to moderate.` }] }),
  "/v1/classifications": (n) => ({ input: [`Text number ${n} to classify.`] }),
  "/v1/chat/classifications": (n) => ({ input: [{ role: "user", content: `Message number ${n} to classify.` }] }),
  "/v1/ocr": (n) => ({ document: { type: "document_url", document_url: `https://example.com/doc-${n}.pdf` } }),
  "/v1/conversations": (n) => ({ inputs: `Question number ${n}?` }),
  "/v1/audio/transcriptions": (n) => ({ file_url: `https://example.com/audio-${n}.mp3` }),
};

/** A few example requests for `endpoint` as JSONL text, one request per line, ready to edit. */
export function requestTemplate(endpoint: ApiEndpoint, count = 3): string {
  const body = BODIES[endpoint] ?? BODIES["/v1/chat/completions"]!;
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ custom_id: `request-${i + 1}`, body: body(i + 1) }),
  ).join("\n");
}
