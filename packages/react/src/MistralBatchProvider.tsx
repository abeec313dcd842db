import type { MistralBatch } from "@mistral-batch/client";
import { createContext, type ReactNode, useContext } from "react";

const MistralBatchContext = createContext<MistralBatch | null>(null);

/** Props of `MistralBatchProvider`. */
export interface MistralBatchProviderProps {
  /** The client the hooks use, typically `new MistralBatch({ serverURL: "/api/mistral" })` behind a proxy. */
  client: MistralBatch;
  children?: ReactNode;
}

/**
 * Gives the batch hooks their client. Place it inside your app's own
 * `QueryClientProvider`: the hooks use that QueryClient.
 */
export function MistralBatchProvider({ client, children }: MistralBatchProviderProps) {
  return <MistralBatchContext.Provider value={client}>{children}</MistralBatchContext.Provider>;
}

/** The client given by the nearest `MistralBatchProvider`; throws when there is none. */
export function useMistralBatch(): MistralBatch {
  const client = useContext(MistralBatchContext);
  if (!client) throw new Error("useMistralBatch: wrap your components in <MistralBatchProvider client={...}>");
  return client;
}
