import { describe, expect, it } from "vitest";
import { createFaultInjector, normalizeFault } from "./createFaultInjector.js";

describe("createFaultInjector", () => {
  it("fills in defaults and matches method, path patterns and when", () => {
    const faults = createFaultInjector();
    expect(faults.add({ method: "get", path: "/v1/files/*/content" })).toEqual({
      method: "GET",
      path: "/v1/files/*/content",
      times: 1,
      when: "before",
      kind: "status",
    });
    expect(faults.take("POST", "/v1/files/abc/content", "before")).toBeUndefined();
    expect(faults.take("GET", "/v1/files/abc", "before")).toBeUndefined();
    expect(faults.take("GET", "/v1/files/abc/content", "after")).toBeUndefined();
    expect(faults.take("GET", "/v1/files/abc/content", "before")).toMatchObject({ times: 0 });
    expect(faults.list()).toEqual([]);
  });

  it("applies a fault without method or path to every request, times times", () => {
    const faults = createFaultInjector();
    faults.add({ times: 2, when: "after", kind: "reset" });
    expect(faults.take("DELETE", "/v1/batch/jobs/x", "after")?.kind).toBe("reset");
    expect(faults.list()).toHaveLength(1);
    expect(faults.take("GET", "/v1/files", "after")?.kind).toBe("reset");
    expect(faults.take("GET", "/v1/files", "after")).toBeUndefined();
  });

  it.each([
    [{ times: 0 }, /times/],
    [{ times: 1.5 }, /times/],
    [{ when: "during" }, /when/],
    [{ kind: "explode" }, /kind/],
    [{ status: 42 }, /status/],
    [{ retry_after: -1 }, /retry_after/],
    [{ delay_ms: "1" }, /delay_ms/],
    [{ path: 3 }, /path/],
    [null, /object/],
  ])("refuses %j", (fault, message) => {
    expect(() => normalizeFault(fault as never)).toThrow(message);
  });
});
