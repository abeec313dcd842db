// Starts the bench's servers as child processes, so the bench's own work never counts in their figures.
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** Forks `script` (a path, or a file beside this one) and waits for the `{ url }` it sends once listening. */
export async function startChild(script, args = []) {
  const path = script.startsWith("/") ? script : fileURLToPath(new URL(script, import.meta.url));
  const child = fork(path, args, { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const url = await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on("message", (message) => message?.url && resolve(message.url));
    // The mock's bin prints its address instead of sending it.
    child.stdout.on("data", (data) => {
      const printed = /listening on (http:\/\/\S+)/.exec(String(data))?.[1];
      if (printed) resolve(printed);
    });
  });
  return {
    url,
    child,
    async ask(message) {
      child.send(message);
      const [reply] = await once(child, "message");
      return reply;
    },
    async stop() {
      child.kill();
      await once(child, "exit").catch(() => {});
    },
  };
}
