// Peak RSS of the proxy's process while a 512 MB file is uploaded through it, then downloaded back.
import { startChild } from "./children.js";

const MB = 1024 * 1024;
const SIZE = 512 * MB;
const BOUNDARY = "bench-boundary";

function multipartBody(size) {
  const chunk = new Uint8Array(MB).fill(120);
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

export default async function run(report) {
  const upstream = await startChild("streamingUpstream.js");
  const proxy = await startChild("proxyApp.js", [upstream.url, "bench-key"]);
  try {
    const idle = await proxy.ask("memory");
    report("express proxy: RSS at rest", `${(idle.rss / MB).toFixed(1)} MB`);

    let started = performance.now();
    const uploaded = await fetch(`${proxy.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipartBody(SIZE),
      duplex: "half",
    });
    const file = await uploaded.json();
    if (uploaded.status !== 200 || file.bytes < SIZE) throw new Error(`upload failed: ${uploaded.status}`);
    const uploadMs = performance.now() - started;
    report("express proxy: 512 MB upload", `${((SIZE / MB / uploadMs) * 1000).toFixed(0)} MB/s`);
    const afterUpload = await proxy.ask("memory");
    report("express proxy: peak RSS through the upload", `${(afterUpload.maxRss / MB).toFixed(1)} MB`);

    started = performance.now();
    const download = await fetch(`${proxy.url}/v1/files/${file.id}/content`);
    let received = 0;
    for await (const chunk of download.body) received += chunk.byteLength;
    if (received !== file.bytes) throw new Error(`download got ${received} of ${file.bytes} bytes`);
    const downloadMs = performance.now() - started;
    report("express proxy: 512 MB download", `${((received / MB / downloadMs) * 1000).toFixed(0)} MB/s`);
    const afterDownload = await proxy.ask("memory");
    report(
      "express proxy: peak RSS through upload and download",
      `${(afterDownload.maxRss / MB).toFixed(1)} MB (budget 150 MB)`,
    );
  } finally {
    await proxy.stop();
    await upstream.stop();
  }
}
