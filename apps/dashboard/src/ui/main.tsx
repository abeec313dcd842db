import { MistralBatch } from "@mistral-batch/client";
import { MistralBatchProvider } from "@mistral-batch/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createDashboardRouter } from "./routing/routes.js";
import { bufferStreamedUploads } from "./transport/bufferStreamedUploads.js";
import "./styles.css";

// The browser never holds the Mistral key: every call goes to the Express proxy, which adds it.
const client = new MistralBatch({
  serverURL: new URL("/api/mistral", window.location.origin).href,
  fetch: bufferStreamedUploads(),
});
// The client already retries what is worth retrying (429, 5XX, lost connections) with backoff.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
const router = createDashboardRouter();

// `live`: a job's page follows the proxy's events (one stream per open job page), so a job's end shows at once
// instead of at the next poll; lists still poll, on the client's schedule, while their jobs run.
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MistralBatchProvider client={client} live>
        <RouterProvider router={router} />
      </MistralBatchProvider>
    </QueryClientProvider>
  </StrictMode>,
);
