import { MistralBatch } from "@mistral-batch/client";
import { MistralBatchProvider } from "@mistral-batch/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import "./styles.css";

// The browser never holds the Mistral key: every call goes to the Express proxy, which adds it.
const client = new MistralBatch({ serverURL: new URL("/api/mistral", window.location.origin).href });
// The client already retries what is worth retrying (429, 5XX, lost connections) with backoff.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MistralBatchProvider client={client}>
        <App />
      </MistralBatchProvider>
    </QueryClientProvider>
  </StrictMode>,
);
