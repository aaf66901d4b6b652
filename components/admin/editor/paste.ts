// Clipboard HTML from Google Docs, Word and web pages, reduced to its structure: headings, lists,
// links, emphasis, tables stay; styles, classes, spans and each app's private markup go. Runs in
// the browser on an inert document (DOMParser runs no script and loads no image); the server
// then sanitizes the result as it sanitizes saved posts (sanitizePastedHtmlAction).

const DROP = "script, style, meta, link, title, head, xml, template, noscript, iframe, object, embed, svg, math, o\\:p, w\\:sdt";
const KEEP_ATTRS: Record<string, string[]> = { a: ["href", "title"], img: ["src", "alt", "width", "height"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"], ol: ["start"] };

/** Styles that carry meaning in Docs' and Word's markup, turned into the elements they mean. */
function markFromStyle(el: HTMLElement): string[] {
  const s = el.style;
  const marks: string[] = [];
  const weight = s.fontWeight;
  if (weight === "bold" || Number(weight) >= 600) marks.push("strong");
  if (s.fontStyle === "italic") marks.push("em");
  if (s.textDecorationLine?.includes("line-through") || s.textDecoration?.includes("line-through")) marks.push("s");
  if (s.verticalAlign === "super") marks.push("sup");
  if (s.verticalAlign === "sub") marks.push("sub");
  return marks;
}

function unwrap(el: Element) {
  el.replaceWith(...el.childNodes);
}

/** Word writes list items as paragraphs styled "mso-list:l0 level2": rebuild ul/ol around them. */
function rebuildWordLists(doc: Document) {
  const items = [...doc.body.querySelectorAll<HTMLElement>("p[style*='mso-list'], p[class^='MsoListParagraph']")];
  let stack: HTMLElement[] = [];
  let last: HTMLElement | null = null;
  for (const p of items) {
    const style = p.getAttribute("style") ?? "";
    const level = Number(/level(\d+)/.exec(style)?.[1] ?? 1);
    const marker = (p.querySelector("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']")?.textContent ?? "").replace(/\s|\u00a0/g, "");
    const ordered = /^[\da-z]+[.)]$/i.test(marker) && !/^[o§·•▪-]$/.test(marker);
    p.querySelectorAll("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']").forEach((m) => m.remove());
    const adjacent = last && last.nextElementSibling === p;
    if (!adjacent) stack = [];
    while (stack.length > level) stack.pop();
    while (stack.length < level) {
      const list = doc.createElement(ordered ? "ol" : "ul");
      const host = stack.length ? (stack[stack.length - 1]!.lastElementChild as HTMLElement | null) : null;
      if (host) host.append(list);
      else p.before(list);
      stack.push(list);
    }
    const li = doc.createElement("li");
    li.append(...p.childNodes);
    stack[stack.length - 1]!.append(li);
    last = p;
    // Keep p in place until the next item has checked adjacency, then remove it.
    p.replaceChildren();
    p.dataset.wordListItem = "1";
  }
  doc.body.querySelectorAll("p[data-word-list-item]").forEach((p) => p.remove());
}

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  // Word's conditional comments hold its own list bullets and VML; other comments are noise.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  doc.body.querySelectorAll(DROP).forEach((el) => el.remove());
  rebuildWordLists(doc);
  // Google Docs wraps everything in <b style="font-weight:normal" id="docs-internal-guid-…">.
  doc.body.querySelectorAll("b[id^='docs-internal-guid']").forEach(unwrap);

  for (const el of [...doc.body.querySelectorAll<HTMLElement>("*")].reverse()) {
    const tag = el.tagName.toLowerCase();
    const marks = el.style ? markFromStyle(el) : [];
    // A bold-looking <b style="font-weight:normal"> is not bold.
    if ((tag === "b" || tag === "strong") && /^(normal|[1-5]00)$/.test(el.style.fontWeight)) {
      unwrap(el);
      continue;
    }
    if (tag === "span" || tag === "font" || tag === "div") {
      let inner: Node[] = [...el.childNodes];
      for (const m of marks.reverse()) {
        const wrap = doc.createElement(m);
        wrap.append(...inner);
        inner = [wrap];
      }
      el.replaceWith(...inner);
      continue;
    }
    if (tag === "b") el.replaceWith(Object.assign(doc.createElement("strong"), { innerHTML: el.innerHTML }));
    else if (tag === "i") el.replaceWith(Object.assign(doc.createElement("em"), { innerHTML: el.innerHTML }));
    else {
      const keep = KEEP_ATTRS[tag] ?? [];
      for (const a of [...el.attributes]) if (!keep.includes(a.name)) el.removeAttribute(a.name);
    }
  }
  // Docs puts a <p> inside every list item and table cell; the item itself is the paragraph.
  doc.body.querySelectorAll("li > p:only-child, td > p:only-child, th > p:only-child").forEach(unwrap);
  doc.body.querySelectorAll("colgroup, col").forEach((el) => el.remove());
  // Docs' paragraph gaps come as <br> between blocks; Word's as empty paragraphs of &nbsp;.
  doc.body.querySelectorAll("p").forEach((p) => {
    if (!p.textContent?.replace(/\u00a0/g, "").trim() && !p.querySelector("img")) p.remove();
  });
  doc.body.querySelectorAll(":scope > br").forEach((br) => br.remove());
  return doc.body.innerHTML.replace(/\u00a0/g, " ").trim();
}
