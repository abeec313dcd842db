/**
 * Peak RSS of the proxy's process (`mistralBatchProxy` in an Express 5 app) while a 512 MB file is uploaded through
 * it, then downloaded back, against an upstream that streams both ways. Budget: 150 MB.
 */
import type { Bench } from "../lib/BenchEntry.js";
import { scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure } from "../lib/stats.js";
import type { ProxyUsage } from "./proxyApp.js";

const MiB = 1024 * 1024;
const SIZE = 512 * MiB;
const BOUNDARY = "bench-boundary";
const RSS_BUDGET_MB = 150;

/** A multipart body of one `size`-byte file, produced a MiB at a time as the upload pulls it. */
function multipartBody(size: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(MiB).fill(120);
  const encoder = new TextEncoder();
  let sent = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(
        encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.jsonl"\r\n\r\n`),
      );
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
        return;
      }
      const part = Math.min(chunk.length, size - sent);
      sent += part;
      controller.enqueue(part === chunk.length ? chunk : chunk.subarray(0, part));
    },
  });
}

const bench: Bench = async () => {
  const upstream = await startServerProcess(scriptPath(import.meta.url, "./streamingUpstream.js"));
  const proxy = await startServerProcess(scriptPath(import.meta.url, "./proxyApp.js"), ["ours", upstream.url, "k"]);
  try {
    const idle = await proxy.ask<ProxyUsage>("usage");

    let started = performance.now();
    const uploaded = await fetch(`${proxy.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipartBody(SIZE),
      duplex: "half",
    } as RequestInit);
    const file = (await uploaded.json()) as { id: string; bytes: number };
    if (uploaded.status !== 200 || file.bytes < SIZE) throw new Error(`upload failed: ${uploaded.status}`);
    const uploadSeconds = (performance.now() - started) / 1000;
    const afterUpload = await proxy.ask<ProxyUsage>("usage");

    started = performance.now();
    const download = await fetch(`${proxy.url}/v1/files/${file.id}/content`);
    let received = 0;
    for await (const chunk of download.body as AsyncIterable<Uint8Array>) received += chunk.byteLength;
    if (received !== file.bytes) throw new Error(`download got ${received} of ${file.bytes} bytes`);
    const downloadSeconds = (performance.now() - started) / 1000;
    const afterDownload = await proxy.ask<ProxyUsage>("usage");

    return [
      figure("express.proxy.idle.rss", idle.rssMb, "MB"),
      figure("express.proxy.upload512mib.throughput", SIZE / 1e6 / uploadSeconds, "MB/s"),
      compared("express.proxy.upload512mib.peakRss", afterUpload.maxRssMb, "MB", RSS_BUDGET_MB),
      figure("express.proxy.download512mib.throughput", received / 1e6 / downloadSeconds, "MB/s"),
      compared("express.proxy.uploadDownload512mib.peakRss", afterDownload.maxRssMb, "MB", RSS_BUDGET_MB),
    ];
  } finally {
    await proxy.close();
    await upstream.close();
  }
};
export default bench;
