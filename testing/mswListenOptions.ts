/**
 * `server.listen()` options that fail a test on any request no handler answers. msw 3 names the option
 * `onUnhandledFrame`; msw 2, which the Node 20 leg of `pnpm test:node-matrix` runs, names it
 * `onUnhandledRequest`. Each version ignores the other's name.
 */
export const FAIL_ON_UNHANDLED = { onUnhandledFrame: "error", onUnhandledRequest: "error" } as const;
