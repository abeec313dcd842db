/** The file part of a streamed multipart body. */
export interface MultipartFile {
  /** The form field name, e.g. `file`. */
  field: string;
  filename: string;
  contentType: string;
  content: ReadableStream<Uint8Array>;
}

/**
 * Builds a `multipart/form-data` body as a stream: the text fields, then the
 * file part copied chunk by chunk from its source, so that nothing is held
 * whole. Use it where FormData would need the file's bytes up front.
 */
export function streamMultipart(
  fields: Record<string, string>,
  file: MultipartFile,
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `mistral-batch-${crypto.randomUUID()}`;
  const encoder = new TextEncoder();
  let head = "";
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; ` +
    `filename="${escapeQuoted(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
  const reader = file.content.getReader();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      const chunk = await reader.read();
      if (!chunk.done) {
        controller.enqueue(chunk.value);
        return;
      }
      controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Escapes a quoted header parameter as the HTML standard does for form submissions. */
function escapeQuoted(value: string): string {
  return value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
