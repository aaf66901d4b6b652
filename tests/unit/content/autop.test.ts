// wpautop as WordPress does it: the cases of WordPress's own tests/phpunit/tests/formatting/wpAutop.php,
// ported one for one, plus shortcode_unautop and the rule that block-editor content is left alone.
import { describe, expect, it } from "vitest";
import { autop, formatPostContent } from "@/lib/content/format";

const FIRST_POST_IN = `
Welcome to WordPress!  This post contains important information.  After you read it, you can make it private to hide it from visitors but still have the information handy for future reference.

First things first:
<ul>
<li><a href="%1$s" title="Subscribe to the WordPress mailing list for Release Notifications">Subscribe to the WordPress mailing list for release notifications</a></li>
</ul>
As a subscriber, you will receive an email every time an update is available (and only then).  This will make it easier to keep your site up to date, and secure from evildoers.
When a new version is released, <a href="%2$s" title="If you are already logged in, this will take you directly to the Dashboard">log in to the Dashboard</a> and follow the instructions.
Upgrading is a couple of clicks!

Then you can start enjoying the WordPress experience:
<ul>
<li>Edit your personal information at <a href="%3$s" title="Edit settings like your password, your display name and your contact information">Users &#8250; Profile</a></li>
</ul>
To keep this post for reference, <a href="%11$s" title="Click to edit the content and settings of this post">click to edit it</a>, go to the Publish box and change its Visibility from Public to Private.

Thank you for selecting WordPress.  We wish you happy publishing!

PS.  Not yet subscribed for update notifications?  <a href="%1$s" title="Subscribe to the WordPress mailing list for Release Notifications">Do it now!</a>
`;

const FIRST_POST_OUT = `<p>Welcome to WordPress!  This post contains important information.  After you read it, you can make it private to hide it from visitors but still have the information handy for future reference.</p>
<p>First things first:</p>
<ul>
<li><a href="%1$s" title="Subscribe to the WordPress mailing list for Release Notifications">Subscribe to the WordPress mailing list for release notifications</a></li>
</ul>
<p>As a subscriber, you will receive an email every time an update is available (and only then).  This will make it easier to keep your site up to date, and secure from evildoers.<br />
When a new version is released, <a href="%2$s" title="If you are already logged in, this will take you directly to the Dashboard">log in to the Dashboard</a> and follow the instructions.<br />
Upgrading is a couple of clicks!</p>
<p>Then you can start enjoying the WordPress experience:</p>
<ul>
<li>Edit your personal information at <a href="%3$s" title="Edit settings like your password, your display name and your contact information">Users &#8250; Profile</a></li>
</ul>
<p>To keep this post for reference, <a href="%11$s" title="Click to edit the content and settings of this post">click to edit it</a>, go to the Publish box and change its Visibility from Public to Private.</p>
<p>Thank you for selecting WordPress.  We wish you happy publishing!</p>
<p>PS.  Not yet subscribed for update notifications?  <a href="%1$s" title="Subscribe to the WordPress mailing list for Release Notifications">Do it now!</a></p>
`;

// A piece of JavaScript with blank lines, angle brackets and entities, as the sizzle.js fixture.
const CODE = "function a(b) {\n\n  return b &lt; 2 &amp;&amp; b &gt; 0;\n}\n\n\nvar x = 1;";

describe("wpautop (WordPress's own test cases)", () => {
  it("formats the first post (ticket 11008)", () => {
    expect(autop(FIRST_POST_IN)).toBe(FIRST_POST_OUT);
  });

  it("leaves <pre> alone and wraps the text around it (ticket 19855)", () => {
    expect(autop(`<pre>${CODE}</pre>`).trim()).toBe(`<pre>${CODE}</pre>`);
    expect(autop(`Look at this code\n\n<pre>${CODE}</pre>\n\nIsn't that cool?`).trim()).toBe(
      `<p>Look at this code</p>\n<pre>${CODE}</pre>\n<p>Isn't that cool?</p>`,
    );
    expect(autop("Look at this code\n\n<pre>Line1<br />Line2<br>Line3<br/>Line4\nActual Line 2\nActual Line 3</pre>\n\nCool, huh?").trim()).toBe(
      "<p>Look at this code</p>\n<pre>Line1<br />Line2<br>Line3<br/>Line4\nActual Line 2\nActual Line 3</pre>\n<p>Cool, huh?</p>",
    );
  });

  it("adds no <br /> around <input> (ticket 16456) or <select>/<option> (ticket 22230)", () => {
    const input = 'Username: <input type="text" id="username" name="username" /><br />Password: <input type="password" id="password1" name="password1" />';
    expect(autop(input).trim()).toBe(`<p>${input}</p>`);
    const select = 'Country: <select id="state" name="state"><option value="1">Alabama</option><option value="2">Alaska</option><option value="3">Arizona</option><option value="4">Arkansas</option><option value="5">California</option></select>';
    expect(autop(select).trim()).toBe(`<p>${select}</p>`);
  });

  it("adds no <p> or <br /> around <source> and <track> (ticket 26864)", () => {
    const video = (sep: string) =>
      'Paragraph one.\n\n<video class="wp-video-shortcode" id="video-0-1" width="640" height="360" preload="metadata" controls="controls">' +
      [
        '<source type="video/mp4" src="http://domain.tld/wp-content/uploads/2013/12/xyz.mp4" />',
        "<!-- WebM/VP8 for Firefox4, Opera, and Chrome -->",
        '<source type="video/webm" src="myvideo.webm" />',
        '<track kind="subtitles" src="subtitles.srt" srclang="en" />',
        '<a href="http://domain.tld/wp-content/uploads/2013/12/xyz.mp4">http://domain.tld/wp-content/uploads/2013/12/xyz.mp4</a>',
      ]
        .map((l) => `${sep}\t\t\t${l}`)
        .join("") +
      `${sep}\t\t\t</video>\n\nParagraph two.`;
    const expected =
      '<p>Paragraph one.</p>\n<p><video class="wp-video-shortcode" id="video-0-1" width="640" height="360" preload="metadata" controls="controls">' +
      '<source type="video/mp4" src="http://domain.tld/wp-content/uploads/2013/12/xyz.mp4" />' +
      "<!-- WebM/VP8 for Firefox4, Opera, and Chrome -->" +
      '<source type="video/webm" src="myvideo.webm" />' +
      '<track kind="subtitles" src="subtitles.srt" srclang="en" />' +
      '<a href="http://domain.tld/wp-content/uploads/2013/12/xyz.mp4">http://domain.tld/wp-content/uploads/2013/12/xyz.mp4</a></video></p>\n<p>Paragraph two.</p>';
    expect(autop(video("\n")).trim()).toBe(expected);
    expect(autop(video("\n\n")).trim()).toBe(expected);
  });

  it("adds no <p> or <br /> around <param> and <embed> (ticket 26864)", () => {
    const content =
      '\nParagraph one.\n\n<object width="400" height="224">\n\t<param name="src" value="http://domain.tld/xyz.swf" />\n\t<param name="allowfullscreen" value="true" />\n\n\t<embed width="400" height="224" src="http://domain.tld/xyz.swf" />\n</object>\n\nParagraph two.';
    expect(autop(content).trim()).toBe(
      '<p>Paragraph one.</p>\n<p><object width="400" height="224"><param name="src" value="http://domain.tld/xyz.swf" /><param name="allowfullscreen" value="true" /><embed width="400" height="224" src="http://domain.tld/xyz.swf" /></object></p>\n<p>Paragraph two.</p>',
    );
  });

  const BLOCKS = ["table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area", "address", "math", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6", "fieldset", "legend", "section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "details", "menu", "summary"];

  it("treats block-level elements as blocks (ticket 27268)", () => {
    const content = BLOCKS.map((b) => `<${b}>foo</${b}>`);
    expect(autop(content.join("\n\n")).trim()).toBe(content.join("\n"));
    expect(autop(content.join("")).trim()).toBe(content.join("\n"));
    const empty = BLOCKS.map((b) => `<${b}/>`);
    expect(autop(empty.join("")).trim()).toBe(empty.join("\n"));
    const attrs = BLOCKS.map((b) => `<${b} attr='value'>foo</${b}>`);
    expect(autop(attrs.join("")).trim()).toBe(attrs.join("\n"));
  });

  it("autops a blockquote's contents but not the blockquote (ticket 27268)", () => {
    expect(autop("<blockquote>foo</blockquote>").trim()).toBe("<blockquote><p>foo</p></blockquote>");
  });

  it("treats inline elements as inline (ticket 27268)", () => {
    const inlines = ["a", "em", "strong", "small", "s", "cite", "q", "dfn", "abbr", "data", "time", "code", "var", "samp", "kbd", "sub", "sup", "i", "b", "u", "mark", "span", "del", "ins", "noscript", "select"];
    expect(autop(inlines.map((t) => `<${t}>foo</${t}>`).join("\n\n")).trim()).toBe(inlines.map((t) => `<p><${t}>foo</${t}></p>`).join("\n"));
  });

  it("does not mangle newlines inside tags and comments (ticket 33106)", () => {
    const cases: [string, string][] = [
      ["Hello <a\nhref='world'>", "<p>Hello <a\nhref='world'></p>\n"],
      ["Hello <!-- a\nhref='world' -->", "<p>Hello <!-- a\nhref='world' --></p>\n"],
      ["Hello <!-- <object>\n<param>\n<param>\n<embed>\n</embed>\n</object>\n -->", "<p>Hello <!-- <object>\n<param>\n<param>\n<embed>\n</embed>\n</object>\n --></p>\n"],
      ["Hello <!-- <object>\n<param/>\n<param/>\n<embed>\n</embed>\n</object>\n -->", "<p>Hello <!-- <object>\n<param/>\n<param/>\n<embed>\n</embed>\n</object>\n --></p>\n"],
      ["Hello <![CDATA[ a\nhttps://youtu.be/jgz0uSaOZbE\n ]]>", "<p>Hello <![CDATA[ a\nhttps://youtu.be/jgz0uSaOZbE\n ]]></p>\n"],
      ["Hello <![CDATA[ <!-- a\nhttps://youtu.be/jgz0uSaOZbE\n a\n9 ]]> -->", "<p>Hello <![CDATA[ <!-- a\nhttps://youtu.be/jgz0uSaOZbE\n a\n9 ]]> --></p>\n"],
      ["Hello <![CDATA[ <!-- a\nhttps://youtu.be/jgz0uSaOZbE\n a\n9 --> a\n9 ]]>", "<p>Hello <![CDATA[ <!-- a\nhttps://youtu.be/jgz0uSaOZbE\n a\n9 --> a\n9 ]]></p>\n"],
    ];
    for (const [input, output] of cases) expect(autop(input), input).toBe(output);
  });

  it("keeps line breaks after <br> as they are and makes paragraphs of double <br> (ticket 33377)", () => {
    expect(autop("\nline 1<br>\nline 2<br/>\nline 3<br />\nline 4\nline 5\n").trim()).toBe("<p>line 1<br />\nline 2<br />\nline 3<br />\nline 4<br />\nline 5</p>");
    expect(autop("\nline 1<br>\n<br/>\nline 2<br/>\n<br />\n").trim()).toBe("<p>line 1</p>\n<p>line 2</p>");
  });

  it("wraps text before a block (ticket 4857) and does not wrap <hr> (ticket 14674)", () => {
    expect(autop("a<div>b</div>").trim()).toBe("<p>a</p>\n<div>b</div>");
    expect(autop("paragraph1<hr>paragraph2").trim()).toBe("<p>paragraph1</p>\n<hr>\n<p>paragraph2</p>");
  });

  it("adds no extra </p> before <figcaption> (ticket 39307)", () => {
    const one = '<figure><img src="example.jpg" /><figcaption>Caption</figcaption></figure>';
    expect(autop(one).trim()).toBe(one);
    expect(autop('<figure>\n<img src="example.jpg" />\n<figcaption>Caption</figcaption>\n</figure>').trim()).toBe('<figure>\n<img src="example.jpg" /><figcaption>Caption</figcaption></figure>');
  });

  it("leaves inline SVG and scripts unbroken (ticket 9437)", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg">\n\t\t\t\t<circle cx="50" cy="50" r="30" fill="blue">\n\t\t\t\t\t<animateTransform attributeName="transform" type="scale" to="1.5" dur="2s" fill="freeze"/>\n\t\t\t\t</circle>\n\t\t\t</svg>';
    expect(autop(svg).trim()).toBe(`<p>${svg}</p>`);
    const script = '<script type="text/javascript">\n\t\t\t\tvar dummy = 1;\n\t\t\t</script>';
    expect(autop(script).trim()).toBe(`<p>${script}</p>`);
  });
});

describe("the_content's paragraph pass", () => {
  it("does not wrap a registered shortcode alone on its line in <p> (shortcode_unautop)", () => {
    const out = formatPostContent('Intro\n\n[gallery ids="1,2"]\n\n[caption id="a" width="300"]<img src="x.jpg" /> A cat[/caption]\n\nOutro');
    expect(out).toBe('<p>Intro</p>\n[gallery ids="1,2"]\n[caption id="a" width="300"]<img src="x.jpg" /> A cat[/caption]\n<p>Outro</p>\n');
  });

  it("keeps an unregistered shortcode inside its paragraph, as WordPress does", () => {
    expect(formatPostContent("[contact-form-7 id=1]")).toBe("<p>[contact-form-7 id=1]</p>\n");
    expect(formatPostContent("[gallery] and more text")).toBe("<p>[gallery] and more text</p>\n");
  });

  it("leaves block-editor content exactly as stored (WordPress skips wpautop when has_blocks)", () => {
    const blocks = "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Two\nlines</p>\n<!-- /wp:paragraph -->";
    expect(formatPostContent(blocks)).toBe(blocks);
  });

  it("keeps the more marker where a reader's teaser is cut", () => {
    expect(formatPostContent("Intro\n\n<!--more-->\n\nRest")).toContain("<!--more-->");
  });

  it("returns nothing for empty content", () => {
    expect(formatPostContent("")).toBe("");
    expect(autop("  \n ")).toBe("");
  });
});

describe("the <hr> fix", () => {
  it("leaves an <hr> inside <pre> untouched", () => {
    expect(autop("a<pre>x<hr>y</pre>b").trim()).toBe("<p>a</p>\n<pre>x<hr>y</pre>\n<p>b</p>");
  });
});

describe("long runs of whitespace (the JS port's one slow pattern)", () => {
  it("finish quickly and keep what they mean", () => {
    const started = Date.now();
    expect(autop(`a${" ".repeat(100_000)}b`)).toBe("<p>a b</p>\n");
    expect(autop(`a${" ".repeat(70)}\n${" ".repeat(70)}\nb`)).toBe("<p>a</p>\n<p>b</p>\n");
    expect(autop(`a${"\u00a0".repeat(70)}b`)).toBe(`<p>a${"&#xa0;".repeat(70)}b</p>\n`);
    expect(autop(`<pre>${" ".repeat(100)}</pre>`).trim()).toBe(`<pre>${" ".repeat(100)}</pre>`);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
