import { MistralBatch } from "@mistral-batch/client";
import { CliError, EXIT } from "./exitCodes.js";

/**
 * The client for a command: the key from `MISTRAL_API_KEY`, the server from `--server-url`, else
 * `MISTRAL_SERVER_URL`, else the API. A server URL alone is enough (a proxy adds the key; the mock takes any).
 */
export function connect(env: NodeJS.ProcessEnv, serverUrlFlag: string | undefined): MistralBatch {
  const apiKey = env.MISTRAL_API_KEY || undefined;
  const serverURL = serverUrlFlag || env.MISTRAL_SERVER_URL || undefined;
  if (!apiKey && !serverURL) {
    throw new CliError(
      "No connection: set MISTRAL_API_KEY to your Mistral API key, or point --server-url (or MISTRAL_SERVER_URL) at a proxy or the mock",
      EXIT.usage,
    );
  }
  try {
    return new MistralBatch({ ...(apiKey ? { apiKey } : {}), ...(serverURL ? { serverURL } : {}) });
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
}
