import { describe, expect, it } from "vitest";
import { thrown } from "../../test/fixtures.js";
import { createClock } from "./clock.js";
import { createSignedUrls } from "./createSignedUrls.js";

const FILE = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

function setup() {
  const clock = createClock({ mode: "manual", speed: 1, start: Date.UTC(2025, 9, 3, 14, 16, 17, 250) });
  return { clock, urls: createSignedUrls(clock) };
}

describe("createSignedUrls", () => {
  it("makes a URL under the base, its expiry in whole seconds as the document's example", () => {
    const { urls } = setup();
    const url = new URL(urls.sign(FILE, 24, "https://example.test/api/mistral/"));
    expect(url.pathname).toBe(`/api/mistral/signed-files/${FILE}`);
    expect(url.searchParams.get("se")).toBe("2025-10-04T14:16:17Z");
    expect(url.searchParams.get("sp")).toBe("r");
    expect(url.searchParams.get("sig")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("accepts its signature for its file until the expiry instant, then answers 403 url_expired", () => {
    const { clock, urls } = setup();
    const sig = new URL(urls.sign(FILE, 1, "https://example.test")).searchParams.get("sig") ?? "";
    clock.advance(3_600_000 - 1);
    expect(() => urls.check(FILE, sig)).not.toThrow();
    clock.advance(1);
    expect(thrown(() => urls.check(FILE, sig))).toMatchObject({ status: 403, body: { code: "url_expired" } });
  });

  it("answers 403 invalid_signature to another file's signature, an unknown one, and any after clear", () => {
    const { urls } = setup();
    const sig = new URL(urls.sign(FILE, 1, "https://example.test")).searchParams.get("sig") ?? "";
    const invalid = { status: 403, body: { code: "invalid_signature" } };
    expect(thrown(() => urls.check(OTHER, sig))).toMatchObject(invalid);
    expect(thrown(() => urls.check(FILE, "0".repeat(32)))).toMatchObject(invalid);
    urls.clear();
    expect(thrown(() => urls.check(FILE, sig))).toMatchObject(invalid);
  });
});
