import type { MistralBatch } from "@mistral-batch/client";
import { createContext, type ReactNode, useContext, useMemo } from "react";

const MistralBatchContext = createContext<{ client: MistralBatch; live: boolean } | null>(null);

/** Props of `MistralBatchProvider`. */
export interface MistralBatchProviderProps {
  /** The client the hooks use, typically `new MistralBatch({ serverURL: "/api/mistral" })` behind a proxy. */
  client: MistralBatch;
  /**
   * Follow jobs through the proxy's live events (`@mistral-batch/express` serves them): `useBatchJob` then updates
   * as soon as the job changes and polls only when the events cannot be had (no such route, a broken stream).
   */
  live?: boolean | undefined;
  children?: ReactNode;
}

/**
 * Gives the batch hooks their client. Place it inside your app's own
 * `QueryClientProvider`: the hooks use that QueryClient.
 */
export function MistralBatchProvider({ client, live = false, children }: MistralBatchProviderProps) {
  const value = useMemo(() => ({ client, live }), [client, live]);
  return <MistralBatchContext.Provider value={value}>{children}</MistralBatchContext.Provider>;
}

/** The client given by the nearest `MistralBatchProvider`; throws when there is none. */
export function useMistralBatch(): MistralBatch {
  return useMistralBatchSettings().client;
}

/** The provider's client and whether it is live. */
export function useMistralBatchSettings(): { client: MistralBatch; live: boolean } {
  const settings = useContext(MistralBatchContext);
  if (!settings) throw new Error("useMistralBatch: wrap your components in <MistralBatchProvider client={...}>");
  return settings;
}
