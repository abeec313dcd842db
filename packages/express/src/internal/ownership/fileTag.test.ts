import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createFileTagger, hasTag, tagFilename, untagFilename } from "./fileTag.js";

/** The tags as node:crypto computed them before WebCrypto: uploads made then must keep their owner. */
function nodeCryptoTag(apiKey: string, userId: string): string {
  const secret = createHmac("sha256", apiKey).update("mistral-batch-express/file-owner/v1").digest();
  return createHmac("sha256", secret).update(userId, "utf8").digest("base64url").slice(0, 22);
}

describe("file tags", () => {
  const tagOf = createFileTagger("sk-test");

  it("are stable per user and key, and differ across users and keys", async () => {
    expect(await tagOf("alice")).toBe(await createFileTagger("sk-test")("alice"));
    expect(await tagOf("alice")).not.toBe(await tagOf("bob"));
    expect(await tagOf("alice")).not.toBe(await createFileTagger("sk-other")("alice"));
    expect(await tagOf("alice")).toMatch(/^[\w-]{22}$/);
  });

  it.each([
    ["sk-test", "alice"],
    ["sk-€-key", "ünïcødé 👩‍💻"],
    ["k".repeat(200), "x".repeat(512)],
  ])("are the bytes node:crypto gave before (key %#)", async (apiKey, userId) => {
    expect(await createFileTagger(apiKey)(userId)).toBe(nodeCryptoTag(apiKey, userId));
  });

  it("round-trip a filename and match only their own user", async () => {
    const alice = await tagOf("alice");
    const bob = await tagOf("bob");
    const stored = tagFilename(alice, `${bob}.input.jsonl`);
    expect(hasTag(alice, stored)).toBe(true);
    expect(hasTag(bob, stored)).toBe(false);
    expect(untagFilename(alice, stored)).toBe(`${bob}.input.jsonl`);
    expect(untagFilename(bob, stored)).toBe(stored);
    expect(hasTag(alice, undefined)).toBe(false);
  });
});
