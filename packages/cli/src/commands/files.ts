import { constants, openAsBlob } from "node:fs";
import { access } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { requiredFlag } from "../commandLine.js";
import { EXIT } from "../exitCodes.js";
import { writeAtomically } from "../output/writeAtomically.js";
import { type Command, printJson, wantsJson } from "./CommandContext.js";

/** `files upload FILE [--purpose P]`: prints the new file's id (purpose `batch` unless told). */
export const uploadFile: Command = async (context) => {
  const path = context.line.args.FILE as string;
  const purpose = context.line.flags.purpose as string | undefined;
  await access(path, constants.R_OK); // says which file, where openAsBlob's error does not
  // openAsBlob reads the file as it is sent, never whole, and gives its size up front.
  const file = await openAsBlob(path);
  const uploaded = await context.client.files.upload(
    { file, filename: basename(path), ...(purpose ? { purpose } : {}) },
    { signal: context.signal },
  );
  if (wantsJson(context)) printJson(context, uploaded);
  else context.stdout.write(`${uploaded.id}\n`);
  return EXIT.ok;
};

/** `files download FILE_ID --output OUT`: the file's content, in a file that appears only when complete. */
export const downloadFile: Command = async (context) => {
  const output = requiredFlag(context.line, "output");
  const body = await context.client.files.download(
    { file_id: context.line.args.FILE_ID as string },
    { signal: context.signal },
  );
  await writeAtomically(output, Readable.fromWeb(body as NodeReadableStream<Uint8Array>));
  context.stderr.write(`Wrote ${output}\n`);
  return EXIT.ok;
};
