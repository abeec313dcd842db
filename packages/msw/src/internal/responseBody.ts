import type { KnownApiEndpoint } from "@mistral-batch/client";
import { hex, randomFrom } from "./hash.js";

/** What a simulated result depends on. */
export interface ResultContext {
  endpoint: string;
  model: string;
  /** Deterministic seed of this request. */
  seed: number;
  /** Unix seconds stamped into the body. */
  created: number;
  body: Record<string, unknown>;
}

type Json = Record<string, unknown>;
type BodyMaker = (ctx: ResultContext, random: () => number) => Json;

const MODERATION_CATEGORIES = [
  "sexual",
  "hate_and_discrimination",
  "violence_and_threats",
  "dangerous_and_criminal_content",
  "selfharm",
  "health",
  "financial",
  "law",
  "pii",
];

// One per endpoint the API knows: the simulator refuses any other at create, as the API does.
const MAKERS: Record<KnownApiEndpoint, BodyMaker> = {
  "/v1/chat/completions": completion,
  "/v1/fim/completions": completion,
  "/v1/embeddings": embeddings,
  "/v1/moderations": moderations,
  "/v1/chat/moderations": moderations,
  "/v1/classifications": classifications,
  "/v1/chat/classifications": classifications,
  "/v1/ocr": ocr,
  "/v1/conversations": conversation,
  "/v1/audio/transcriptions": transcription,
};

/** The successful response body of one request, shaped like the endpoint's, the same for the same request. */
export function responseBody(ctx: ResultContext): Json {
  return MAKERS[ctx.endpoint as KnownApiEndpoint](ctx, randomFrom(ctx.seed));
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function promptText(body: Json): string {
  const { messages, prompt, inputs, input } = body as Record<string, unknown>;
  if (Array.isArray(messages)) {
    const last = messages[messages.length - 1] as { content?: unknown } | undefined;
    return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
  }
  const text = prompt ?? inputs ?? input;
  return typeof text === "string" ? text : JSON.stringify(text ?? "");
}

function answer(ctx: ResultContext): string {
  const prompt = promptText(ctx.body).slice(0, 60);
  return `Simulated answer ${hex(ctx.seed)} to: ${prompt}`;
}

function inputCount(body: Json): number {
  const value = body.input ?? body.inputs;
  return Array.isArray(value) ? Math.max(1, value.length) : 1;
}

function usage(ctx: ResultContext, completionText: string): Json {
  const prompt_tokens = tokens(JSON.stringify(ctx.body));
  const completion_tokens = tokens(completionText);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

function completion(ctx: ResultContext): Json {
  const content = answer(ctx);
  return {
    id: `cmpl-${hex(ctx.seed)}`,
    object: "chat.completion",
    created: ctx.created,
    model: ctx.model,
    choices: [{ index: 0, message: { role: "assistant", content, tool_calls: null }, finish_reason: "stop" }],
    usage: usage(ctx, content),
  };
}

function embeddings(ctx: ResultContext, random: () => number): Json {
  const data = Array.from({ length: inputCount(ctx.body) }, (_, index) => ({
    object: "embedding",
    index,
    embedding: Array.from({ length: 8 }, () => Number((random() * 2 - 1).toFixed(6))),
  }));
  const prompt_tokens = tokens(JSON.stringify(ctx.body));
  return {
    id: `embd-${hex(ctx.seed)}`,
    object: "list",
    model: ctx.model,
    data,
    usage: { prompt_tokens, total_tokens: prompt_tokens },
  };
}

function moderations(ctx: ResultContext, random: () => number): Json {
  const results = Array.from({ length: inputCount(ctx.body) }, () => {
    const category_scores = Object.fromEntries(
      MODERATION_CATEGORIES.map((c) => [c, Number((random() * 0.2).toFixed(6))]),
    );
    const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, (category_scores[c] ?? 0) > 0.15]));
    return { categories, category_scores };
  });
  return { id: `mod-${hex(ctx.seed)}`, model: ctx.model, results };
}

function classifications(ctx: ResultContext, random: () => number): Json {
  const results = Array.from({ length: inputCount(ctx.body) }, () => {
    const positive = Number(random().toFixed(6));
    return { sentiment: { scores: { positive, negative: Number((1 - positive).toFixed(6)) } } };
  });
  return { id: `cls-${hex(ctx.seed)}`, model: ctx.model, results };
}

function ocr(ctx: ResultContext): Json {
  return {
    model: ctx.model,
    pages: [
      {
        index: 0,
        markdown: `# Simulated page ${hex(ctx.seed)}\n\nText recognised from the document.`,
        images: [],
        dimensions: { dpi: 200, height: 2200, width: 1700 },
      },
    ],
    usage_info: { pages_processed: 1, doc_size_bytes: null },
  };
}

function conversation(ctx: ResultContext): Json {
  const content = answer(ctx);
  return {
    object: "conversation.response",
    conversation_id: `conv_${hex(ctx.seed)}`,
    outputs: [
      {
        object: "entry",
        type: "message.output",
        id: `msg_${hex(ctx.seed)}`,
        created_at: new Date(ctx.created * 1000).toISOString(),
        completed_at: new Date(ctx.created * 1000).toISOString(),
        model: ctx.model,
        role: "assistant",
        content,
      },
    ],
    usage: usage(ctx, content),
  };
}

function transcription(ctx: ResultContext, random: () => number): Json {
  const text = `Simulated transcription ${hex(ctx.seed)}.`;
  const end = Number((1 + random() * 9).toFixed(2));
  return {
    model: ctx.model,
    text,
    language: "en",
    segments: [{ text, start: 0, end }],
    usage: {
      prompt_audio_seconds: Math.ceil(end),
      prompt_tokens: 0,
      completion_tokens: tokens(text),
      total_tokens: tokens(text),
    },
  };
}
