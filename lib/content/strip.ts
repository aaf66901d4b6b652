// Removing HTML comments and whole elements in linear time. The obvious regular expressions
// (/<!--[\s\S]*?-->/, /<script[\s\S]*?<\/script>/) rescan to the end of the text from every
// unclosed opener, so 50,000 "<!--" take seconds; this walks the text once. An unclosed comment
// or element runs to the end of the text, as it does in a browser.
const OPENER = /<!--|<(script|style|pre)(?=[\s>/])/gi;

export function removeBlocks(html: string, tags: readonly ("script" | "style" | "pre")[], replacement = " ", comments = true): string {
  const lower = html.toLowerCase();
  let out = "";
  let pos = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(html); m; m = OPENER.exec(html)) {
    const tag = m[1]?.toLowerCase() as "script" | "style" | "pre" | undefined;
    if (tag ? !tags.includes(tag) : !comments) continue;
    let end: number;
    if (tag) {
      const close = lower.indexOf(`</${tag}`, m.index + 1);
      const gt = close < 0 ? -1 : lower.indexOf(">", close);
      end = gt < 0 ? html.length : gt + 1;
    } else {
      const close = html.indexOf("-->", m.index + 4);
      end = close < 0 ? html.length : close + 3;
    }
    out += html.slice(pos, m.index) + replacement;
    pos = end;
    OPENER.lastIndex = end;
  }
  return out + html.slice(pos);
}
