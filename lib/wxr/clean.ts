// Real WordPress exports are not always well-formed XML: they carry control characters (pasted
// from word processors) and bare `&` outside CDATA (plugins that forgot to escape). The cleaner
// repairs exactly those two things, as text streams through, and leaves CDATA untouched (its
// content is literal, so an `&` there is data, not markup). Entities are never expanded here:
// an HTML entity such as `&nbsp;` outside CDATA becomes the literal text `&nbsp;`, which is what
// it meant in the HTML field it sits in.
//
// One pass over character codes, no regular expressions: linear in the input whatever its shape.

const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const CDATA_OPEN = "<![CDATA[";
const MAX_ENTITY = 40;

/** XML 1.0 forbids C0 controls except tab, LF and CR, and the non-characters U+FFFE/U+FFFF. */
const isForbidden = (c: number) => (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35 || c === 46 || c === 95 || c === 45;

export class WxrCleaner {
  private inCdata = false;
  private carry = "";

  /** Cleans one chunk of decoded text; may hold back a few characters until the next chunk. */
  push(chunk: string): string {
    return this.run(this.carry + chunk, false);
  }

  /** Whatever was held back, at the end of the input. */
  flush(): string {
    return this.run(this.carry, true);
  }

  private run(text: string, final: boolean): string {
    this.carry = "";
    const parts: string[] = [];
    let runStart = 0;
    const n = text.length;
    const holdFrom = (i: number) => {
      parts.push(text.slice(runStart, i));
      this.carry = text.slice(i);
      return parts.join("");
    };
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isForbidden(c)) {
        parts.push(text.slice(runStart, i));
        runStart = i + 1;
        i++;
        continue;
      }
      if (this.inCdata) {
        if (c === 93 /* ] */) {
          if (i + 2 >= n && !final) return holdFrom(i);
          if (text.charCodeAt(i + 1) === 93 && text.charCodeAt(i + 2) === 62) {
            this.inCdata = false;
            i += 3;
            continue;
          }
        }
        i++;
        continue;
      }
      if (c === 60 /* < */) {
        if (i + CDATA_OPEN.length > n && !final) return holdFrom(i);
        if (text.startsWith(CDATA_OPEN, i)) {
          this.inCdata = true;
          i += CDATA_OPEN.length;
          continue;
        }
      } else if (c === 38 /* & */) {
        let j = i + 1;
        const limit = Math.min(n, i + 1 + MAX_ENTITY);
        while (j < limit && isNameChar(text.charCodeAt(j))) j++;
        if (j === n && !final) return holdFrom(i);
        const name = j < n && text.charCodeAt(j) === 59 /* ; */ ? text.slice(i + 1, j) : null;
        const ok =
          name !== null &&
          (XML_ENTITIES.has(name) || /^#[0-9]{1,7}$/.test(name) || /^#x[0-9a-fA-F]{1,6}$/.test(name));
        if (!ok) {
          // A bare & (or an HTML entity XML does not know) becomes literal text.
          parts.push(text.slice(runStart, i), "&amp;");
          runStart = i + 1;
        }
      }
      i++;
    }
    parts.push(text.slice(runStart));
    return parts.join("");
  }
}
