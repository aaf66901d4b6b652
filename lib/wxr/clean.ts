// Real WordPress exports are not always well-formed XML: they carry control characters (pasted
// from word processors) and bare `&` outside CDATA (plugins that forgot to escape). The cleaner
// repairs exactly those two things, as text streams through, and leaves CDATA untouched (its
// content is literal, so an `&` there is data, not markup). Entities are never expanded here:
// an HTML entity such as `&nbsp;` outside CDATA becomes the literal text `&nbsp;`, which is what
// it meant in the HTML field it sits in.

// XML 1.0 forbids C0 controls except tab, LF and CR, and the non-characters U+FFFE/U+FFFF.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";
// The longest thing the cleaner must see whole: an entity reference or a CDATA marker.
const ENTITY_RE = /^&(#[0-9]{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9._-]{0,31};)/;

export class WxrCleaner {
  private inCdata = false;
  private carry = "";

  /** Cleans one chunk of decoded text; may hold back a few characters until the next chunk. */
  push(chunk: string): string {
    const text = this.carry + chunk.replace(CONTROL, "");
    this.carry = "";
    let out = "";
    let i = 0;
    while (i < text.length) {
      if (this.inCdata) {
        const end = text.indexOf(CDATA_CLOSE, i);
        if (end === -1) {
          // Keep a possible partial "]]" for the next chunk.
          const keep = text.endsWith("]]") ? 2 : text.endsWith("]") ? 1 : 0;
          out += text.slice(i, text.length - keep);
          this.carry = text.slice(text.length - keep);
          return out;
        }
        out += text.slice(i, end + 3);
        i = end + 3;
        this.inCdata = false;
        continue;
      }
      const amp = text.indexOf("&", i);
      const lt = text.indexOf("<", i);
      const next = amp === -1 ? lt : lt === -1 ? amp : Math.min(amp, lt);
      if (next === -1) {
        out += text.slice(i);
        return out;
      }
      out += text.slice(i, next);
      i = next;
      // Near the end of the chunk, wait for more text before deciding.
      if (text.length - i < 48) {
        this.carry = text.slice(i);
        return out;
      }
      if (text[i] === "<") {
        if (text.startsWith(CDATA_OPEN, i)) {
          out += CDATA_OPEN;
          i += CDATA_OPEN.length;
          this.inCdata = true;
        } else {
          out += "<";
          i++;
        }
        continue;
      }
      const m = ENTITY_RE.exec(text.slice(i, i + 40));
      if (!m) {
        out += "&amp;";
      } else if (m[1]!.startsWith("#")) {
        out += m[0];
        i += m[0].length;
        continue;
      } else if (XML_ENTITIES.has(m[1]!.slice(0, -1))) {
        out += m[0];
        i += m[0].length;
        continue;
      } else {
        // An HTML entity XML does not know: keep it as literal text.
        out += "&amp;";
      }
      i++;
    }
    return out;
  }

  /** Whatever was held back, at the end of the input. */
  flush(): string {
    const rest = this.carry;
    this.carry = "";
    if (!rest) return "";
    if (this.inCdata) return rest;
    // Re-run the held text with enough padding to decide, then drop the padding.
    const pad = " ".repeat(48);
    const out = this.push(rest + pad);
    const tail = this.carry;
    this.carry = "";
    return (out + tail).slice(0, -pad.length);
  }
}
