import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The path of a compiled module beside `base` (pass `import.meta.url`). */
export function scriptPath(base: string, file: string): string {
  return fileURLToPath(new URL(file, base));
}

/** A server script running in its own Node process, and the URL it printed. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Kills the process and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts `script` in a child Node process and resolves once it prints `listening on URL`,
 * so that the server never competes with the measured code for the same event loop.
 */
export function startServerProcess(script: string, args: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${script} exited with ${code} before listening`));
    child.once("exit", onExit);
    let out = "";
    child.stdout?.on("data", (data: Buffer) => {
      out += data;
      const match = /listening on (\S+)/.exec(out);
      if (!match?.[1]) return;
      child.off("exit", onExit);
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({
        url: match[1],
        child,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
  });
}

/** Runs `script` in a child Node process to its end and parses the JSON it printed on stdout. */
export function runJsonProcess<T>(
  script: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<T> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
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
