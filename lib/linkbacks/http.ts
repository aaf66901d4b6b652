// Reading a machine client's request body with a hard cap, so a huge body costs nothing.
export class BodyTooLarge extends Error {}

export async function readBodyText(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") || 0);
  if (declared > max) throw new BodyTooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  // latin1 keeps every byte as one char: form bodies are percent-encoded ASCII, and XML-RPC
  // bodies are decoded as UTF-8 by the caller.
  return Buffer.concat(chunks).toString("latin1");
}

export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
