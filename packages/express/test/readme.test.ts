import { rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Mistral } from "@mistralai/mistralai";
import { afterAll, expect, it } from "vitest";
import { readmeBlock } from "./support/readmeBlock.js";

const EXAMPLE = new URL("./readme-example.generated.ts", import.meta.url);

afterAll(() => rm(EXAMPLE, { force: true }));

it("runs the README's server example, driven by the official SDK as two users", async () => {
  const code = await readmeBlock("server.ts");
  expect(code).toBeDefined();
  // Same code, on a free port, importing this package's source, exporting the server to stop it.
  const runnable = `${code!
    .replace('from "@mistral-batch/express"', 'from "../src/index.js"')
    .replace("app.listen(3000,", "export const server = app.listen(0,")}\nexport { upstream };\n`;
  await writeFile(EXAMPLE, runnable);
  const example = (await import(EXAMPLE.href)) as { server: Server; upstream: { close(): Promise<void> } };
  if (!example.server.listening) await new Promise((resolve) => example.server.once("listening", resolve));
  try {
    const serverURL = `http://127.0.0.1:${(example.server.address() as AddressInfo).port}/api/mistral`;
    const alice = new Mistral({ apiKey: "token-alice", serverURL });
    const job = await alice.batch.jobs.create({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ body: { input: "x" } }],
    });
    expect(job.metadata).toEqual({ owner: "alice" });
    const bob = new Mistral({ apiKey: "token-bob", serverURL });
    expect((await bob.batch.jobs.list()).data).toEqual([]);
    await expect(bob.batch.jobs.get({ jobId: job.id })).rejects.toMatchObject({ statusCode: 404 });
    await expect(new Mistral({ apiKey: "nobody", serverURL }).batch.jobs.list()).rejects.toMatchObject({
      statusCode: 401,
    });
  } finally {
    example.server.closeAllConnections();
    await new Promise((resolve) => example.server.close(resolve));
    await example.upstream.close();
  }
});
