#!/usr/bin/env node
import { parseCliArgs, USAGE } from "./parseCliArgs.js";
import { startMockServer } from "./startMockServer.js";

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`mistral-batch-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const mock = await startMockServer(parsed.options);
  const stop = () => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // Printed last: whoever waits for this line may signal the process right away.
  console.log(`listening on ${mock.url}`);
}

main().catch((error: unknown) => {
  console.error(`mistral-batch-mock: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
