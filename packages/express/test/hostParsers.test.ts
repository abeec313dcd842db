import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mistralBatchProxy } from "../src/index.js";
import { raw } from "./support/http.js";
import { SERVER_KEY } from "./support/startProxyApp.js";

const simulator = createBatchSimulator({ clock: "manual", apiKey: SERVER_KEY });
let mock: MockServer;
let server: Server;
let base: string;

beforeAll(async () => {
  mock = await startMockServer({ simulator });
  const app = express();
  const proxy = mistralBatchProxy({ apiKey: SERVER_KEY, serverURL: mock.url, authorize: () => ({ userId: "alice" }) });
  // express.raw() reads multipart into a Buffer: the proxy can still send it on.
  app.use("/raw", express.raw({ type: "multipart/form-data", limit: "1mb" }), proxy);
  // A multer-like parser turns multipart into fields: the bytes are gone.
  const fieldsParser: express.RequestHandler = (req, _res, next) => {
    req.on("data", () => {});
    req.on("end", () => {
      req.body = { purpose: "batch" };
      next();
    });
  };
  app.use("/fields", fieldsParser, proxy);
  app.use("/text", express.text({ type: "application/json" }), proxy);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await mock.close();
});

const form = () => {
  const body = new FormData();
  body.append("purpose", "batch");
  body.append("file", new Blob(['{"custom_id":"0","body":{}}\n']), "in.jsonl");
  return body;
};

describe("behind host body parsers", () => {
  it("uploads a multipart body that express.raw() has already read", async () => {
    const answer = await raw(`${base}/raw`, null, "POST", "/v1/files", { body: form() });
    expect(answer.status).toBe(200);
    expect(answer.json.filename).toBe("in.jsonl");
  });

  it("says so in JSON when a parser consumed the multipart bytes", async () => {
    const answer = await raw(`${base}/fields`, null, "POST", "/v1/files", { body: form() });
    expect(answer.status).toBe(500);
    expect(answer.json.message).toMatch(/mount the proxy first/);
  });

  it("creates a job from a JSON body express.text() left as a string", async () => {
    const answer = await raw(`${base}/text`, null, "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/moderations", model: "m", requests: [{ body: { input: "x" } }] }),
    });
    expect(answer.status).toBe(200);
    expect(answer.json.metadata).toEqual({ owner: "alice" });
  });
});
