/** Length of a tag: 128 bits of HMAC-SHA256 in base64url. */
const TAG_LENGTH = 22;

/** Tags remembered per tagger: a request costs one HMAC per new user id, not one per file check. */
const MAX_CACHED_TAGS = 1024;

const LABEL = "mistral-batch-express/file-owner/v1";

/** Gives the tag of a user's uploads; see `createFileTagger`. */
export type FileTagger = (userId: string) => Promise<string>;

/**
 * The tags of users' uploads under one API key: an HMAC-SHA256 of the user id, keyed by a secret derived from the
 * key (an HMAC of a fixed label), so every instance that holds the key computes the same tags without sharing any
 * other state, and stored filenames do not reveal user ids. WebCrypto, so it runs on every runtime; the same bytes
 * as node:crypto's `createHmac` gave before (the test pins them), so earlier uploads keep their owner.
 * One tag per id only for well-formed ids, the only ones the core accepts: UTF-8 is injective on them, while it
 * writes every lone surrogate as U+FFFD.
 */
export function createFileTagger(apiKey: string): FileTagger {
  const secret = hmac(apiKey, LABEL).then((bytes) => hmacKey(bytes));
  const cache = new Map<string, Promise<string>>();
  return (userId) => {
    let tag = cache.get(userId);
    if (tag === undefined) {
      if (cache.size >= MAX_CACHED_TAGS) cache.clear();
      tag = secret.then((key) => sign(key, userId)).then((bytes) => base64url(bytes).slice(0, TAG_LENGTH));
      cache.set(userId, tag);
    }
    return tag;
  };
}

const encoder = new TextEncoder();

function hmacKey(key: string | Uint8Array): Promise<CryptoKey> {
  const raw = typeof key === "string" ? encoder.encode(key) : key;
  return crypto.subtle.importKey("raw", raw as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
}

async function sign(key: CryptoKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

async function hmac(key: string, text: string): Promise<Uint8Array> {
  return sign(await hmacKey(key), text);
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The name a file is stored under: `<tag>.<original name>`. */
export function tagFilename(tag: string, filename: string): string {
  return `${tag}.${filename}`;
}

/** True when a stored filename carries `tag`, i.e. the file was uploaded by that tag's user. */
export function hasTag(tag: string, storedName: unknown): boolean {
  return typeof storedName === "string" && storedName.startsWith(`${tag}.`);
}

/** The original name of a file `tag`'s user uploaded; other names are returned unchanged. */
export function untagFilename(tag: string, storedName: string): string {
  return hasTag(tag, storedName) ? storedName.slice(tag.length + 1) : storedName;
}
