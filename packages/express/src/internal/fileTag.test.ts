import { describe, expect, it } from "vitest";
import { deriveTagSecret, fileTag, hasTag, tagFilename, untagFilename } from "./fileTag.js";

describe("file tags", () => {
  const secret = deriveTagSecret("sk-test");

  it("are stable per user and key, and differ across users and keys", () => {
    expect(fileTag(secret, "alice")).toBe(fileTag(deriveTagSecret("sk-test"), "alice"));
    expect(fileTag(secret, "alice")).not.toBe(fileTag(secret, "bob"));
    expect(fileTag(secret, "alice")).not.toBe(fileTag(deriveTagSecret("sk-other"), "alice"));
    expect(fileTag(secret, "alice")).toMatch(/^[\w-]{22}$/);
  });

  it("round-trip a filename and match only their own user", () => {
    const alice = fileTag(secret, "alice");
    const bob = fileTag(secret, "bob");
    const stored = tagFilename(alice, `${bob}.input.jsonl`);
    expect(hasTag(alice, stored)).toBe(true);
    expect(hasTag(bob, stored)).toBe(false);
    expect(untagFilename(alice, stored)).toBe(`${bob}.input.jsonl`);
    expect(untagFilename(bob, stored)).toBe(stored);
    expect(hasTag(alice, undefined)).toBe(false);
  });
});
