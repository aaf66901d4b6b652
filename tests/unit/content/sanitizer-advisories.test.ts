// Published sanitize-html bypasses (fixed in 2.17.6+, which Inkwell now runs; markup in
// textarea/xmp inside svg/math; GHSA-g8qq-57p8-ggw5, SVG animation elements) need svg, math or
// animation tags to be allowed: neither allowlist of Inkwell's allows them. These are the
// published shapes; none may leave a handler, a script or a javascript: URL (a post may keep a
// plain <img>: it is on the post allowlist, without its onerror).
import { describe, expect, it } from "vitest";
import { formatCommentHtml, sanitizePostHtml } from "@/lib/content/sanitize";

const PAYLOADS = [
  `<svg><textarea><img src=x onerror=alert(1)></textarea></svg>`,
  `<math><xmp><img src=x onerror=alert(1)></xmp></math>`,
  `<svg><xmp><!--</xmp><img src=x onerror=alert(1)>--></xmp></svg>`,
  `<math><mtext><textarea><a title="</textarea><img src=x onerror=alert(1)>">`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>click</text></a></svg>`,
  `<svg><set attributeName=onmouseover to=alert(1)>`,
];

describe("published sanitizer advisories do not reach Inkwell's allowlists", () => {
  it.each(PAYLOADS)("%s", (payload) => {
    for (const out of [sanitizePostHtml(payload), formatCommentHtml(payload)]) {
      expect(out).not.toMatch(/<(svg|math|animate|set|script|textarea|xmp)\b/i);
      expect(out).not.toMatch(/\son\w+\s*=/i);
      expect(out).not.toMatch(/javascript:/i);
    }
  });
});
