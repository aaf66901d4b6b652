// Reads one uploaded file (and the form's plain fields) from a multipart request as the bytes
// arrive, with busboy. `req.formData()` parses the whole body in one piece once it has all arrived:
// for a 100 MB WordPress export that held every other request for about two seconds.
import { Readable } from "node:stream";
import busboy from "busboy";

export interface UploadedForm {
  fields: Record<string, string>;
  file?: { field: string; name: string; bytes: Uint8Array };
}

export class MultipartError extends Error {}

export function readMultipartFile(req: Request, opts: { field: string; maxBytes: number }): Promise<UploadedForm> {
  const type = req.headers.get("content-type") ?? "";
  if (!req.body || !/^multipart\/form-data/i.test(type)) return Promise.reject(new MultipartError("The upload could not be read; try again."));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: opts.maxBytes, fields: 20, fieldSize: 1024 } });
    } catch {
      return reject(new MultipartError("The upload could not be read; try again."));
    }
    const out: UploadedForm = { fields: {} };
    // The file is copied into one buffer as it arrives, sized from Content-Length (never more
    // than the limit allows): joining 100 MB of chunks at the end took one 400 ms stretch of the
    // event loop, which every reader waited through (`npm run bench:import-readers`).
    const declared = Number(req.headers.get("content-length")) || 0;
    let buf: Buffer | null = null;
    let size = 0;
    const append = (c: Buffer) => {
      if (!buf) buf = Buffer.allocUnsafe(Math.max(Math.min(declared, opts.maxBytes + 65_536), c.length, 65_536));
      if (size + c.length > buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, size + c.length));
        buf.copy(bigger, 0, 0, size);
        buf = bigger;
      }
      c.copy(buf, size);
      size += c.length;
    };
    let failed = false;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      reject(new MultipartError(message));
    };
    parser.on("field", (name, value) => (out.fields[name] = value));
    parser.on("file", (name, stream, info) => {
      if (name !== opts.field) {
        stream.on("error", () => {});
        return void stream.resume();
      }
      stream.on("data", append);
      stream.on("error", () => fail("The upload was cut off; try again."));
      stream.on("limit", () => fail(`The file is larger than ${Math.round(opts.maxBytes / 1024 / 1024)} MB.`));
      stream.on("end", () => {
        out.file = { field: name, name: info.filename ?? "", bytes: new Uint8Array(0) };
      });
    });
    parser.on("error", () => fail("The upload could not be read; try again."));
    parser.on("close", () => {
      if (failed) return;
      if (out.file) out.file.bytes = buf ? (buf as Buffer).subarray(0, size) : new Uint8Array(0);
      resolve(out);
    });
    Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>).on("error", () => fail("The upload was cut off; try again.")).pipe(parser);
  });
}
