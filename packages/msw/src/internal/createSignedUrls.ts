import { SimulatedApiError } from "../SimulatedApiError.js";
import type { SimulatorClock } from "../types.js";

/** The signed URLs a simulator has handed out, each granting one file until an instant of the simulated clock. */
export interface SignedUrls {
  /** A URL under `baseUrl` that downloads `fileId` for `expiryHours` of simulated time. */
  sign(fileId: string, expiryHours: number, baseUrl: string): string;
  /** Answers 403 unless `signature` is one `sign` made for `fileId` and it has not expired. */
  check(fileId: string, signature: string): void;
  clear(): void;
}

/** A signed URL's expiry as in the document's example URL: `2025-10-04T14:16:17Z`. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The grants behind the URLs of `GET /v1/files/{file_id}/url`, kept by their `sig`. */
export function createSignedUrls(clock: SimulatorClock): SignedUrls {
  const grants = new Map<string, { fileId: string; expiresAt: number }>();
  return {
    sign(fileId, expiryHours, baseUrl) {
      const signature = globalThis.crypto.randomUUID().replaceAll("-", "");
      const expiresAt = clock.now() + expiryHours * 3_600_000;
      grants.set(signature, { fileId, expiresAt });
      const query = new URLSearchParams({ se: isoSeconds(expiresAt), sp: "r", sig: signature });
      return `${baseUrl.replace(/\/+$/, "")}/signed-files/${fileId}?${query}`;
    },
    check(fileId, signature) {
      const grant = grants.get(signature);
      if (grant?.fileId !== fileId) {
        throw SimulatedApiError.api(403, "This URL's signature is not valid.", "invalid_signature");
      }
      if (clock.now() >= grant.expiresAt) throw SimulatedApiError.api(403, "This URL has expired.", "url_expired");
    },
    clear() {
      grants.clear();
    },
  };
}
