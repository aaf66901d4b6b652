// Gzip for cached pages whose nonce changes in every response, without compressing 300 KB per
// response: each part between two nonces is deflated once, when the page is cached, as a raw
// deflate run that ends on a byte boundary (Z_SYNC_FLUSH, RFC 1951 §3.2.4 makes such runs
// concatenable); a response strings them together with the nonce as a stored block, an empty
// final block, and the gzip frame (RFC 1952) whose CRC-32 is combined from the parts' CRCs
// (zlib's crc32_combine, done here with precomputed GF(2) operators), so that no byte of the
// page is read again per response.
import zlib from "node:zlib";

export interface GzipParts {
  deflated: Buffer[];
  crcs: number[];
  /** For each part, the operator that shifts a CRC past that many bytes (32 columns). */
  shifts: Uint32Array[];
  lengths: number[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
  return sum >>> 0;
}

function gf2Square(mat: Uint32Array): Uint32Array {
  const sq = new Uint32Array(32);
  for (let n = 0; n < 32; n++) sq[n] = gf2Times(mat, mat[n]!);
  return sq;
}

function times(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = gf2Times(a, b[n]!);
  return out;
}

/** The operator that advances a CRC-32 over `len` zero bytes (zlib's crc32_combine, as a matrix). */
export function crcShift(len: number): Uint32Array {
  // The operator for one zero bit, then squared up to one byte.
  let op: Uint32Array = new Uint32Array(32);
  op[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) op[n] = 1 << (n - 1);
  for (let i = 0; i < 3; i++) op = gf2Square(op);
  let result: Uint32Array | undefined;
  for (let n = len; n > 0; n >>>= 1) {
    if (n & 1) result = result ? times(op, result) : op;
    op = gf2Square(op);
  }
  if (result) return result;
  const identity = new Uint32Array(32);
  for (let i = 0; i < 32; i++) identity[i] = 1 << i;
  return identity;
}

/** CRC-32 of A followed by B, from crc(A), crc(B) and the operator for B's length. */
export function crcCombine(crcA: number, crcB: number, shiftB: Uint32Array): number {
  return (gf2Times(shiftB, crcA) ^ crcB) >>> 0;
}

export function prepareGzipParts(parts: Buffer[]): GzipParts {
  return {
    deflated: parts.map((p) => zlib.deflateRawSync(p, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH })),
    crcs: parts.map((p) => zlib.crc32(p)),
    shifts: parts.map((p) => crcShift(p.length)),
    lengths: parts.map((p) => p.length),
  };
}

/** A stored (uncompressed) deflate block holding `data`, not the last one (at most 65,535 bytes). */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.from([0x00, data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff]);
  return Buffer.concat([head, data]);
}

const shiftByLength = new Map<number, Uint32Array>();

/** The gzip of parts[0] + nonce + parts[1] + nonce + … */
export function gzipWithNonce(g: GzipParts, nonce: string): Buffer {
  const n = Buffer.from(nonce);
  const nonceBlock = storedBlock(n);
  const nonceCrc = zlib.crc32(n);
  let nonceShift = shiftByLength.get(n.length);
  if (!nonceShift) shiftByLength.set(n.length, (nonceShift = crcShift(n.length)));
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  g.deflated.forEach((d, i) => {
    if (i) {
      out.push(nonceBlock);
      crc = crcCombine(crc, nonceCrc, nonceShift);
      size += n.length;
    }
    out.push(d);
    crc = i ? crcCombine(crc, g.crcs[i]!, g.shifts[i]!) : g.crcs[i]!;
    size += g.lengths[i]!;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(out);
}

/** Does the client take gzip (Accept-Encoding, RFC 9110 §12.5.3; "gzip;q=0" refuses it)? */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  if (!acceptEncoding) return false;
  for (const item of acceptEncoding.split(",")) {
    const [coding, ...params] = item.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "x-gzip") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
