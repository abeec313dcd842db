import { createHmac } from "node:crypto";

/** Length of a tag: 128 bits of HMAC-SHA256 in base64url. */
const TAG_LENGTH = 22;

/**
 * Derives the secret that keys file tags from the API key, so every instance
 * that holds the key computes the same tags without sharing any other state.
 */
export function deriveTagSecret(apiKey: string): Buffer {
  return createHmac("sha256", apiKey).update("mistral-batch-express/file-owner/v1").digest();
}

/**
 * The tag of a user's uploads: an HMAC of the user id, so stored filenames do not reveal it.
 * One tag per id only for well-formed ids, the only ones the core accepts: UTF-8
 * is injective on them, while it writes every lone surrogate as U+FFFD.
 */
export function fileTag(secret: Buffer, userId: string): string {
  return createHmac("sha256", secret).update(userId, "utf8").digest("base64url").slice(0, TAG_LENGTH);
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
