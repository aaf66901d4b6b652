// Stand-in pictures for the theme unit test's old file host (wpthemetestdata.files.wordpress.com,
// unreachable offline), served on loopback so that WordPress and Inkwell import the very same files
// and a side-by-side comparison is fair. A name's "-WxH" suffix sets the size (else 800×600) and its
// path sets the colour, as tests/e2e/themes/theme-unit-test.spec.ts does.
//   node scripts/compare/stand-in-images.mjs PORT
import http from "node:http";
import sharp from "sharp";

const port = Number(process.argv[2] ?? 4790);
const cache = new Map();

async function imageFor(urlPath) {
  const hit = cache.get(urlPath);
  if (hit) return hit;
  const sized = /-(\d+)x(\d+)\.\w+$/.exec(urlPath);
  const [width, height] = sized ? [Math.min(1600, Number(sized[1])), Math.min(1600, Number(sized[2]))] : [800, 600];
  let hue = 0;
  for (const c of urlPath) hue = (hue * 31 + c.charCodeAt(0)) % 360;
  const rgb = { r: 80 + (hue % 150), g: 60 + ((hue * 7) % 170), b: 90 + ((hue * 13) % 160) };
  const base = sharp({ create: { width, height, channels: 3, background: rgb } });
  const ext = /\.(\w+)$/.exec(urlPath)[1].toLowerCase();
  const out = ext === "png" ? { type: "image/png", body: await base.png().toBuffer() }
    : ext === "gif" ? { type: "image/gif", body: await base.gif().toBuffer() }
    : { type: "image/jpeg", body: await base.jpeg({ quality: 70 }).toBuffer() };
  cache.set(urlPath, out);
  return out;
}

http.createServer((req, res) => {
  const p = decodeURIComponent(req.url.split("?")[0]);
  if (!/\.(jpe?g|png|gif)$/i.test(p)) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  imageFor(p).then(({ type, body }) => res.writeHead(200, { "content-type": type, "content-length": body.length }).end(body),
    (e) => res.writeHead(500).end(String(e)));
}).listen(port, "127.0.0.1", () => console.log(`stand-in images on http://127.0.0.1:${port}`));
