import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** The path of a compiled module beside `base` (pass `import.meta.url`). */
export function scriptPath(base: string, file: string): string {
  return fileURLToPath(new URL(file, base));
}

/** A server script running in its own Node process, and the URL it printed. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends `message` over IPC and resolves with the process's next message. */
  ask<T>(message: unknown): Promise<T>;
  /** Kills the process and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Forks `script` and resolves once it prints `listening on URL`, so that a server never competes with the measured
 * code for the same event loop. The IPC channel stays open for `ask`.
 */
export function startServerProcess(script: string, args: readonly string[] = []): Promise<ServerProcess> {
  const child = fork(script, args, { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${script} exited with ${code} before listening`));
    child.once("exit", onExit);
    let out = "";
    const onData = (data: Buffer) => {
      out += data;
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (!url) return;
      child.off("exit", onExit);
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve({
        url,
        child,
        async ask<T>(message: unknown) {
          const reply = once(child, "message");
          child.send(message as never);
          return (await reply)[0] as T;
        },
        async close() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, "exit");
          child.kill();
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
  });
}

/**
 * Runs `script` in a child Node process (with Node's `flags`, if any) to its end and parses the JSON it printed on
 * stdout.
 */
export function runJsonProcess<T>(
  script: string,
  args: readonly string[] = [],
  flags: readonly string[] = [],
): Promise<T> {
  const child = spawn(process.execPath, [...flags, script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout?.on("data", (data: Buffer) => {
    out += data;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} ${args.join(" ")} exited with ${code}`)),
    );
  });
}
