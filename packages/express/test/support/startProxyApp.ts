import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type express from "express";
import { mistralBatchProxy } from "../../src/index.js";
import type { MistralBatchProxyOptions, ProxyRequestEvent } from "../../src/types.js";

/** The API key the proxy holds in tests; no answer may ever contain it. */
export const SERVER_KEY = "sk-server-key-DO-NOT-LEAK-7f3a9c";

/** Session tokens of the two test users, sent as `Authorization: Bearer <token>` (what a browser SDK would hold). */
export const TOKENS = { alice: "token-alice", bob: "token-bob" } as const;

/** A running host app with the proxy mounted at `/api/mistral`. */
export interface ProxyApp {
  /** The mount URL: the `serverURL` of a client. */
  url: string;
  events: ProxyRequestEvent[];
  close(): Promise<void>;
}

/** Options of the test host app. */
export interface ProxyAppOptions extends Partial<Omit<MistralBatchProxyOptions<express.Request>, "authorize">> {
  /** Mounts `express.json()` before the proxy, as many host apps do. */
  hostJsonParser?: boolean | { limit: string };
  /** User ids by session token; `TOKENS`' users by default. */
  users?: Record<string, string>;
}

/**
 * Starts a real Express app (4 or 5, whichever `expressModule` is) on 127.0.0.1
 * that authenticates callers by bearer token and mounts the proxy.
 */
export async function startProxyApp(
  expressModule: typeof express,
  upstreamUrl: string,
  options: ProxyAppOptions = {},
): Promise<ProxyApp> {
  const { hostJsonParser, users: byToken, ...proxyOptions } = options;
  const events: ProxyRequestEvent[] = [];
  const app = expressModule();
  if (hostJsonParser) app.use(expressModule.json(hostJsonParser === true ? {} : hostJsonParser));
  const users = new Map<string, string>(
    Object.entries(byToken ?? Object.fromEntries(Object.entries(TOKENS).map(([user, token]) => [token, user]))),
  );
  app.use(
    "/api/mistral",
    mistralBatchProxy({
      apiKey: SERVER_KEY,
      serverURL: upstreamUrl,
      authorize: (req) => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const userId = token ? users.get(token) : undefined;
        return userId ? { userId } : null;
      },
      onRequest: (event) => events.push(event),
      ...proxyOptions,
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/mistral`,
    events,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
