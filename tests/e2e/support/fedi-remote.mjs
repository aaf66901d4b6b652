// A second fediverse server for the federation specs: an independent Fedify on 127.0.0.1 with its
// own actors (alice, bob) and keys, that verifies what it receives. The spec drives it over HTTP:
//   POST /test/follow?as=alice&target=<actor URL>   sends a signed Follow (Undo with &undo=1)
//   GET  /test/received                             the activities its inbox accepted, verified
//   POST /test/reply?as=alice&target=<post URL>&content=<html>   a signed Create(Note) replying to it
//   POST /test/like?as=bob&target=<post URL> (and /test/announce)   a signed Like / Announce of it
//   GET  /media/<name>.png                          alice's avatar (a picture the site copies)
// Usage: node tests/e2e/support/fedi-remote.mjs PORT
import http from "node:http";
import { createFederation, generateCryptoKeyPair, MemoryKvStore } from "@fedify/fedify";
import { Accept, Announce, Create, Delete, Endpoints, Follow, Image, Like, Note, Person, PUBLIC_COLLECTION, Reject, Undo, Update } from "@fedify/vocab";
import sharp from "sharp";
import { Temporal } from "@js-temporal/polyfill";

const PORT = Number(process.argv[2]);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const keys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), await generateCryptoKeyPair("Ed25519")];
const received = [];
const avatar = await sharp({ create: { width: 160, height: 160, channels: 3, background: { r: 46, g: 125, b: 140 } } }).png().toBuffer();
// allowPrivateAddress: a test peer on loopback reaching the site under test on loopback.
const fed = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });
fed
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (!["alice", "bob"].includes(identifier)) return null;
    const pairs = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: identifier === "alice" ? "Alice Fediverse" : "Bob Fediverse",
      url: new URL(`${ORIGIN}/@${identifier}`),
      icon: identifier === "alice" ? new Image({ url: new URL(`${ORIGIN}/media/alice.png`), mediaType: "image/png" }) : null,
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: pairs[0].cryptographicKey,
      assertionMethods: pairs.map((k) => k.multikey),
    });
  })
  .setKeyPairsDispatcher(() => keys);
fed
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, (_ctx, a) => void received.push({ type: "Accept", actor: a.actorId?.href }))
  .on(Reject, (_ctx, a) => void received.push({ type: "Reject", actor: a.actorId?.href }))
  // A post's Create/Update/Delete (publishing.spec.ts): its object's id and name.
  .on(Create, async (_ctx, a) => void received.push({ type: "Create", actor: a.actorId?.href, object: a.objectId?.href, name: (await a.getObject())?.name?.toString() }))
  .on(Update, (_ctx, a) => void received.push({ type: "Update", actor: a.actorId?.href, object: a.objectId?.href }))
  .on(Delete, (_ctx, a) => void received.push({ type: "Delete", actor: a.actorId?.href, object: a.objectId?.href }));

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, ORIGIN);
    if (url.pathname === "/test/received") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(received));
    }
    if (url.pathname === "/test/follow" && req.method === "POST") {
      const ctx = fed.createContext(new URL(ORIGIN), undefined);
      const as = url.searchParams.get("as") ?? "alice";
      const target = await ctx.lookupObject(url.searchParams.get("target"));
      const follow = new Follow({ id: new URL(`${ORIGIN}/follows/${as}/${crypto.randomUUID()}`), actor: ctx.getActorUri(as), object: target.id });
      const activity = url.searchParams.get("undo") ? new Undo({ id: new URL(`${ORIGIN}/undo/${crypto.randomUUID()}`), actor: ctx.getActorUri(as), object: follow }) : follow;
      await ctx.sendActivity({ identifier: as }, target, activity);
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname === "/media/alice.png") {
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(avatar);
    }
    if (["/test/reply", "/test/like", "/test/announce"].includes(url.pathname) && req.method === "POST") {
      const ctx = fed.createContext(new URL(ORIGIN), undefined);
      const as = url.searchParams.get("as") ?? "alice";
      const me = ctx.getActorUri(as);
      const target = new URL(url.searchParams.get("target"));
      const blog = await ctx.lookupObject(url.searchParams.get("blog"));
      const id = `${ORIGIN}/users/${as}/statuses/${crypto.randomUUID()}`;
      let activity;
      if (url.pathname === "/test/reply") {
        const note = new Note({ id: new URL(id), attribution: me, replyTarget: target, content: url.searchParams.get("content") ?? "", to: PUBLIC_COLLECTION, published: Temporal.Now.instant() });
        activity = new Create({ id: new URL(`${id}/activity`), actor: me, object: note, to: PUBLIC_COLLECTION });
      } else if (url.pathname === "/test/like") activity = new Like({ id: new URL(`${me.href}#likes/${crypto.randomUUID()}`), actor: me, object: target });
      else activity = new Announce({ id: new URL(`${id}/activity`), actor: me, object: target, to: PUBLIC_COLLECTION });
      await ctx.sendActivity({ identifier: as }, blog, activity);
      res.writeHead(204);
      return res.end();
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await fed.fetch(new Request(url, { method: req.method, headers: req.headers, body }), { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(e?.stack ?? e));
  }
});
server.listen(PORT, "127.0.0.1", () => console.log(`ready ${ORIGIN}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
