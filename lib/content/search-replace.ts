// Replacing one string by another inside stored values without breaking their structure, for
// `inkwell search-replace` (moving a site to a new domain). Options and media sizes are JSON;
// post and comment meta imported from WordPress may be PHP-serialized, whose strings carry their
// byte length (s:19:"http://old.example";): a plain replace would leave the length wrong and
// WordPress (and our importer) would then refuse the whole value. So structured values are
// walked and rebuilt; anything else is replaced as text.

export interface Replaced {
  value: string;
  count: number;
}

function countIn(s: string, needle: string): number {
  return needle ? s.split(needle).length - 1 : 0;
}

function replaceText(s: string, from: string, to: string): Replaced {
  const count = countIn(s, from);
  return { value: count ? s.split(from).join(to) : s, count };
}

function walkJson(v: unknown, from: string, to: string, acc: { count: number }): unknown {
  if (typeof v === "string") {
    const r = replaceText(v, from, to);
    acc.count += r.count;
    return r.value;
  }
  if (Array.isArray(v)) return v.map((x) => walkJson(x, from, to, acc));
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [walkJson(k, from, to, acc) as string, walkJson(x, from, to, acc)]));
  }
  return v;
}

/** Rewrites a PHP-serialized value with its string lengths fixed, or null if it is not one. */
function replaceSerialized(s: string, from: string, to: string): Replaced | null {
  const buf = Buffer.from(s, "utf8");
  let i = 0;
  let count = 0;
  const out: string[] = [];
  const expect = (ch: string) => {
    if (String.fromCharCode(buf[i]!) !== ch) throw new Error("not serialized");
    i++;
  };
  const readUntil = (ch: string) => {
    const end = buf.indexOf(ch, i);
    if (end < 0) throw new Error("not serialized");
    const v = buf.toString("latin1", i, end);
    i = end + 1;
    return v;
  };
  const value = (depth: number): void => {
    if (depth > 64) throw new Error("too deep");
    const type = String.fromCharCode(buf[i]!);
    i++;
    if (type === "N") return void (expect(";"), out.push("N;"));
    expect(":");
    if (type === "b" || type === "i" || type === "d") {
      const v = readUntil(";");
      if (!/^-?[\d.eE+INFA]+$/.test(v)) throw new Error("not serialized");
      return void out.push(`${type}:${v};`);
    }
    if (type === "s") {
      const len = Number(readUntil(":"));
      if (!Number.isInteger(len) || len < 0) throw new Error("not serialized");
      expect('"');
      if (i + len > buf.length) throw new Error("not serialized");
      const r = replaceText(buf.toString("utf8", i, i + len), from, to);
      i += len;
      expect('"');
      expect(";");
      count += r.count;
      return void out.push(`s:${Buffer.byteLength(r.value, "utf8")}:"${r.value}";`);
    }
    if (type === "a" || type === "O") {
      let head = "";
      if (type === "O") {
        const nameLen = Number(readUntil(":"));
        expect('"');
        head = `${nameLen}:"${buf.toString("utf8", i, i + nameLen)}":`;
        i += nameLen;
        expect('"');
        expect(":");
      }
      const n = Number(readUntil(":"));
      if (!Number.isInteger(n) || n < 0) throw new Error("not serialized");
      expect("{");
      out.push(`${type}:${head}${n}:{`);
      for (let k = 0; k < n * 2; k++) value(depth + 1);
      expect("}");
      return void out.push("}");
    }
    throw new Error("not serialized");
  };
  try {
    value(0);
    if (i !== buf.length) return null;
  } catch {
    return null;
  }
  return { value: out.join(""), count };
}

/** `from` replaced by `to` in a stored value, keeping JSON and PHP-serialized values valid. */
export function replaceInValue(s: string, from: string, to: string): Replaced {
  if (!from || !s.includes(from)) return { value: s, count: 0 };
  if (/^[aOs]:\d+:/.test(s)) {
    const r = replaceSerialized(s, from, to);
    if (r) return r;
  }
  if (/^\s*[[{"]/.test(s)) {
    try {
      const acc = { count: 0 };
      const v = walkJson(JSON.parse(s), from, to, acc);
      return { value: JSON.stringify(v), count: acc.count };
    } catch {
      // Not JSON after all: plain text below.
    }
  }
  return replaceText(s, from, to);
}
