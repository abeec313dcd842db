import { type BatchSimulatorOptions, createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import type express from "express";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type ProxyApp, type ProxyAppOptions, SERVER_KEY, startProxyApp } from "./startProxyApp.js";

/** The mock and the proxy app over it, for the tests of one suite; `mock` and `app` are set once the suite starts. */
export interface ProxyOverMock {
  simulator: ReturnType<typeof createBatchSimulator>;
  mock: MockServer;
  app: ProxyApp;
}

/**
 * Starts the mock (on a manual clock, requiring the server key) and a host app
 * with the proxy over it for the current suite; each test starts with no job,
 * no file, no fault and no recorded event.
 */
export function useProxyOverMock(
  expressModule: typeof express,
  appOptions: ProxyAppOptions = {},
  simulatorOptions: BatchSimulatorOptions = {},
): ProxyOverMock {
  const suite = {
    simulator: createBatchSimulator({ clock: "manual", apiKey: SERVER_KEY, ...simulatorOptions }),
  } as ProxyOverMock;
  beforeAll(async () => {
    suite.mock = await startMockServer({ simulator: suite.simulator });
    suite.app = await startProxyApp(expressModule, suite.mock.url, appOptions);
  });
  afterAll(async () => {
    await suite.app.close();
    await suite.mock.close();
  });
  beforeEach(() => {
    suite.simulator.reset();
    suite.app.events.length = 0;
  });
  return suite;
}
