import { expect, describe as group, it } from "vitest";
import { createProgressReporter, describe, formatDuration } from "./createProgressReporter.js";

function target(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 120, write: (text: string) => writes.push(text) };
}

group("createProgressReporter", () => {
  it("redraws one line in place on a terminal, and ends it on finish", () => {
    let time = 0;
    const tty = target(true);
    const reporter = createProgressReporter(tty, { now: () => time });
    reporter.update({ done: 0, total: 100, succeeded: 0, failed: 0 });
    time = 50;
    reporter.update({ done: 10, total: 100, succeeded: 10, failed: 0 }); // within 100 ms: not drawn
    time = 2000;
    reporter.update({ done: 50, total: 100, succeeded: 45, failed: 5, jobsInFlight: 2 });
    reporter.finish();
    expect(tty.writes).toHaveLength(3);
    expect(tty.writes[1]).toBe(
      "\r[############............] 50/100 50% · 45 succeeded, 5 failed · 25.0/s · ETA 2s · 2 jobs in flight\u001b[K",
    );
    expect(tty.writes[2]?.endsWith("\u001b[K\n")).toBe(true);
  });

  it("writes plain lines without cursor codes elsewhere, at most once an interval, never the same twice", () => {
    let time = 0;
    const pipe = target(false);
    const reporter = createProgressReporter(pipe, { now: () => time, plainIntervalMs: 1000 });
    reporter.update({ done: 0, total: 10, succeeded: 0, failed: 0, status: "QUEUED" });
    time = 500;
    reporter.update({ done: 5, total: 10, succeeded: 5, failed: 0, status: "RUNNING" });
    time = 1500;
    reporter.update({ done: 5, total: 10, succeeded: 5, failed: 0, status: "RUNNING" });
    time = 4000;
    reporter.update({ done: 10, total: 10, succeeded: 9, failed: 1, status: "SUCCESS" });
    reporter.finish();
    expect(pipe.writes).toEqual([
      "QUEUED 0/10 0% · 0 succeeded, 0 failed\n",
      "RUNNING 5/10 50% · 5 succeeded, 0 failed · 3.3/s · ETA 2s\n",
      "SUCCESS 10/10 100% · 9 succeeded, 1 failed · 2.5/s\n",
    ]);
    expect(pipe.writes.join("")).not.toContain("\r");
    expect(pipe.writes.join("")).not.toContain("\u001b");
  });

  it("writes nothing when nothing was reported", () => {
    const pipe = target(false);
    createProgressReporter(pipe).finish();
    expect(pipe.writes).toEqual([]);
  });
});

group("describe and formatDuration", () => {
  it("handles an empty total and long durations", () => {
    expect(describe({ done: 0, total: 0, succeeded: 0, failed: 0 }, 1000, false)).toBe(
      "0/0 0% · 0 succeeded, 0 failed",
    );
    expect(formatDuration(59_400)).toBe("59s");
    expect(formatDuration(725_000)).toBe("12m 05s");
    expect(formatDuration(12_000_000)).toBe("3h 20m");
  });
});
