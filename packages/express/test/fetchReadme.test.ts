import { rm, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readmeBlock } from "./support/readmeBlock.js";
import { SERVER_KEY } from "./support/startProxyApp.js";
import { call, JOB_BODY, useFetchHandlerOverMock } from "./support/useFetchHandlerOverMock.js";

const generated: URL[] = [];
afterAll(() => Promise.all(generated.map((file) => rm(file, { force: true }))));

/** Writes the README's code block that starts with `// <name>` beside this test, importing this package's source. */
async function readmeModule<T>(name: string): Promise<T> {
  const code = await readmeBlock(name);
  expect(code, name).toBeDefined();
  const file = new URL(`./readme-${generated.length}.generated.ts`, import.meta.url);
  generated.push(file);
  await writeFile(file, code!.replace('from "@mistral-batch/express/fetch"', 'from "../src/fetch.js"'));
  return (await import(file.href)) as T;
}

type Handler = (request: Request) => Promise<Response>;

describe("the README's fetch handler examples, over the mock", () => {
  // Only to start the mock and count its requests: the examples make their own handlers from the environment.
  const suite = useFetchHandlerOverMock();
  beforeAll(() => {
    process.env.MISTRAL_API_KEY = SERVER_KEY;
    process.env.MISTRAL_SERVER_URL = suite.mock.url;
  });

  it("runs the Next.js route module: GET, POST and DELETE as two users", async () => {
    const route = await readmeModule<{ GET: Handler; POST: Handler; DELETE: Handler }>(
      "app/api/mistral/[...path]/route.ts",
    );
    // Next.js calls each export with the Request (and a context the handler does not need).
    const created = await call(route.POST, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JOB_BODY,
    });
    expect(created.json.metadata).toEqual({ owner: "alice" });
    const id = created.json.id as string;
    expect((await call(route.GET, "alice", "GET", `/v1/batch/jobs/${id}`)).status).toBe(200);
    expect((await call(route.GET, "bob", "GET", `/v1/batch/jobs/${id}`)).status).toBe(404);
    expect((await call(route.GET, "bob", "GET", "/v1/batch/jobs")).json.data).toEqual([]);
    expect((await call(route.DELETE, "bob", "DELETE", `/v1/batch/jobs/${id}`)).status).toBe(404);
    expect((await call(route.POST, "alice", "POST", `/v1/batch/jobs/${id}/cancel`)).status).toBe(200);
    suite.simulator.clock.advance(60_000);
    expect((await call(route.DELETE, "alice", "DELETE", `/v1/batch/jobs/${id}`)).status).toBe(200);
    expect(() => suite.simulator.getJob(id)).toThrow(/not found/);
    expect((await call(route.GET, null, "GET", "/v1/batch/jobs")).status).toBe(401);
  });

  it("runs the Hono app", async () => {
    const { app } = await readmeModule<{ app: { fetch: Handler } }>("hono-app.ts");
    const fetchApp = (request: Request) => app.fetch(request);
    const created = await call(fetchApp, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JOB_BODY,
    });
    expect(created.status).toBe(200);
    const listed = await call(fetchApp, "alice", "GET", "/v1/batch/jobs");
    expect(listed.json.total).toBe(1);
    expect((await call(fetchApp, "bob", "GET", `/v1/batch/jobs/${created.json.id}`)).status).toBe(401);
    // Outside the route Hono mounts the handler on, Hono answers itself.
    expect((await app.fetch(new Request("http://app.test/other"))).status).toBe(404);
  });
});
