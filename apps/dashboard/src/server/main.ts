import { PortInUseError, startDashboard } from "./startDashboard.js";

// `pnpm start` / `pnpm dev`: everything is configured by the environment.
const env = process.env;
const mockSpeed = Number(env.MOCK_SPEED ?? 1);
if (!(mockSpeed > 0)) throw new Error(`MOCK_SPEED must be a positive number, got ${env.MOCK_SPEED}`);

const dashboard = await startDashboard({
  port: Number(env.PORT ?? 3000),
  host: env.HOST,
  apiKey: env.MISTRAL_API_KEY,
  serverURL: env.MISTRAL_SERVER_URL,
  mockSpeed,
  dev: process.argv.includes("--dev"),
}).catch((error: unknown) => {
  // A first run's likeliest failure says what to do, in one line rather than a stack.
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
});

if (dashboard.upstream.kind === "mock") {
  console.log(
    "No MISTRAL_API_KEY: using the built-in mock Mistral API (jobs are simulated, nothing leaves this machine).",
  );
} else {
  console.log(`Using the Mistral API at ${dashboard.upstream.serverURL}.`);
}
console.log(`Dashboard listening on ${dashboard.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void dashboard.close().then(() => process.exit(0));
  });
}
