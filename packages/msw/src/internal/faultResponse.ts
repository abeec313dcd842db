import { HttpResponse } from "msw";
import type { PendingFault } from "../createFaultInjector.js";

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function faultHeaders(fault: PendingFault, contentType: string): Headers {
  const headers = new Headers({ "content-type": contentType });
  if (fault.retry_after !== undefined) headers.set("retry-after", String(fault.retry_after));
  return headers;
}

/**
 * The response a fault replaces the real one with: `answered` is the real response for an "after" fault.
 * A "reset" is a network error, which the standalone server turns into a destroyed socket.
 */
export async function faultResponse(fault: PendingFault, answered: Response | undefined): Promise<Response> {
  if (fault.kind === "reset") return HttpResponse.error();
  if (fault.kind === "malformed") {
    const text = answered
      ? await answered.text()
      : JSON.stringify({
          object: "error",
          message: "Injected malformed response.",
          type: "api_error",
          code: "injected_fault",
        });
    const status = fault.status ?? answered?.status ?? 200;
    return new HttpResponse(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
      status,
      headers: faultHeaders(fault, "application/json"),
    });
  }
  const status = fault.status ?? 500;
  const body = {
    object: "error",
    message: `Injected fault: HTTP ${status}.`,
    type: "api_error",
    param: null,
    code: "injected_fault",
  };
  return new HttpResponse(JSON.stringify(body), { status, headers: faultHeaders(fault, "application/json") });
}
