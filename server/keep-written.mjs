// A page cache miss is rendered once, for the reader who asked, and kept as it is written: this
// layer sits between the splice (server/html-splice.mjs) and compression, copies the bytes that
// pass, and once the response has gone out whole hands them over (server/page-cache.ts decides
// whether to keep them). A response cut short, or larger than the cap, is not handed over.

/** The largest page kept (a post with hundreds of comments is about 300 KB): the one cap of the page cache's pages. */
const CAP = 4 * 1024 * 1024;

/**
 * @param {import("node:http").ServerResponse} res
 * @param {(page: import("./wing").RenderedPage) => void} done
 */
export function keepWritten(res, done) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let over = false;
  const take = (chunk, encoding) => {
    if (over || chunk == null || typeof chunk === "function") return;
    // A string becomes new bytes; a buffer is copied, as its writer may reuse it once the write returns.
    const buf = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
    size += buf.length;
    if (size > CAP) {
      over = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buf);
  };
  const writeHead = res.writeHead;
  /** @type {Record<string, unknown>} */
  let given = {};
  res.writeHead = function (status, ...rest) {
    given = rest.find((a) => a && typeof a === "object" && !Array.isArray(a)) ?? {};
    return writeHead.call(this, status, ...rest);
  };
  const write = res.write;
  res.write = function (chunk, encoding) {
    take(chunk, encoding);
    return write.apply(this, arguments);
  };
  const end = res.end;
  res.end = function (chunk, encoding) {
    take(chunk, encoding);
    return end.apply(this, arguments);
  };
  res.once("finish", () => {
    if (over) return;
    const header = (name) => res.getHeader(name) ?? Object.entries(given).find(([k]) => k.toLowerCase() === name)?.[1];
    done({
      status: res.statusCode,
      contentType: String(header("content-type") ?? ""),
      body: Buffer.concat(chunks),
      setsCookie: header("set-cookie") !== undefined,
    });
  });
}

