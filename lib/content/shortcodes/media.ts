// [audio], [video] and [playlist] as WordPress prints them (wp_audio_shortcode, wp_video_shortcode),
// with the browser's own <audio controls>/<video controls> instead of MediaElement.js.
import type { ShortcodeContext, ShortcodeMedia } from "./types";
import { escAttr, safeUrl, truthy } from "./escape";

const AUDIO_TYPES: Record<string, string> = { mp3: "audio/mpeg", ogg: "audio/ogg", flac: "audio/flac", m4a: "audio/mp4", wav: "audio/wav" };
const VIDEO_TYPES: Record<string, string> = { mp4: "video/mp4", m4v: "video/mp4", webm: "video/webm", ogv: "video/ogg", flv: "video/x-flv" };

const extOf = (url: string) => /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? "";

function firstAttached(ctx: ShortcodeContext, kind: "audio" | "video"): ShortcodeMedia | undefined {
  return (ctx.media?.attachedTo.get(ctx.postId) ?? []).find((m) => m.mimeType.startsWith(`${kind}/`));
}

/** The <source> list from src and the per-type attributes (mp3="…", webm="…"), in WordPress's order. */
function sources(attrs: Record<string, string>, types: Record<string, string>): { type: string; url: string }[] {
  const out: { type: string; url: string }[] = [];
  const primary = safeUrl(attrs.src);
  if (primary && types[extOf(primary)]) out.push({ type: types[extOf(primary)]!, url: primary });
  for (const [ext, type] of Object.entries(types)) {
    const url = safeUrl(attrs[ext]);
    if (url && !out.some((s) => s.url === url)) out.push({ type, url });
  }
  return out;
}

function player(tag: "audio" | "video", html: Record<string, string | boolean>, list: { type: string; url: string }[]): string {
  const attrs = Object.entries(html)
    .filter(([, v]) => v !== false && v !== "")
    .map(([k, v]) => (v === true ? `${k}="1"` : `${k}="${escAttr(String(v))}"`))
    .join(" ");
  const fallback = list[0] ? `<a href="${escAttr(list[0].url)}">${escAttr(list[0].url)}</a>` : "";
  return `<${tag} ${attrs} controls="controls">${list.map((s) => `<source type="${s.type}" src="${escAttr(s.url)}" />`).join("")}${fallback}</${tag}>`;
}

export function renderAudio(attrs: Record<string, string>, ctx: ShortcodeContext, instance: number): string {
  let list = sources(attrs, AUDIO_TYPES);
  if (!list.length && !attrs.src) {
    const m = firstAttached(ctx, "audio");
    if (m) list = [{ type: m.mimeType, url: m.url }];
  }
  // A src WordPress cannot play prints as a link, as wp_audio_shortcode does.
  if (!list.length) return attrs.src && safeUrl(attrs.src) ? `<a class="wp-embedded-audio" href="${escAttr(safeUrl(attrs.src))}">${escAttr(safeUrl(attrs.src))}</a>` : "";
  return player(
    "audio",
    {
      class: "wp-audio-shortcode",
      id: `audio-${ctx.postId}-${instance}`,
      loop: truthy(attrs.loop),
      autoplay: truthy(attrs.autoplay),
      preload: /^(none|metadata|auto)$/.test(attrs.preload ?? "") ? attrs.preload! : "none",
      style: "width: 100%;",
    },
    list,
  );
}

export function renderVideo(attrs: Record<string, string>, ctx: ShortcodeContext, instance: number): string {
  let list = sources(attrs, VIDEO_TYPES);
  if (!list.length && !attrs.src) {
    const m = firstAttached(ctx, "video");
    if (m) list = [{ type: m.mimeType, url: m.url }];
  }
  if (!list.length) return attrs.src && safeUrl(attrs.src) ? `<a class="wp-embedded-video" href="${escAttr(safeUrl(attrs.src))}">${escAttr(safeUrl(attrs.src))}</a>` : "";
  const num = (v: string | undefined, d: number) => {
    const n = Number.parseInt(v ?? "", 10);
    return n > 0 && n < 10000 ? n : d;
  };
  const width = num(attrs.width, 640);
  const height = num(attrs.height, 360);
  const poster = safeUrl(attrs.poster);
  return (
    `<div style="width: ${width}px;" class="wp-video">` +
    player(
      "video",
      {
        class: "wp-video-shortcode",
        id: `video-${ctx.postId}-${instance}`,
        width: String(width),
        height: String(height),
        poster,
        loop: truthy(attrs.loop),
        autoplay: truthy(attrs.autoplay),
        muted: truthy(attrs.muted),
        preload: /^(none|metadata|auto)$/.test(attrs.preload ?? "") ? attrs.preload! : "metadata",
      },
      list,
    ) +
    "</div>"
  );
}

/**
 * [playlist]: WordPress draws its own player with a track list in JavaScript. Here each track is
 * a list item with its own native player, which works with the keyboard and without JavaScript.
 */
export function renderPlaylist(attrs: Record<string, string>, ctx: ShortcodeContext, instance: number): string {
  const type = attrs.type === "video" ? "video" : "audio";
  const wanted = (attrs.ids ?? attrs.include ?? "")
    .split(/[\s,]+/)
    .map((s) => Number.parseInt(s, 10))
    .filter((n) => n > 0);
  const pool = wanted.length ? wanted.map((id) => ctx.media?.byId.get(id)).filter((m): m is ShortcodeMedia => !!m) : (ctx.media?.attachedTo.get(ctx.postId) ?? []);
  const tracks = pool.filter((m) => m.mimeType.startsWith(`${type}/`));
  if (!tracks.length) return "";
  if ((attrs.order ?? "").toUpperCase() === "DESC") tracks.reverse();
  const showNumbers = attrs.tracknumbers !== "false";
  const label = `playlist-${ctx.postId}-${instance}`;
  const items = tracks
    .map((m) => {
      const title = escAttr(m.title || m.url.split("/").pop() || "Track");
      const media = `<${type} controls="controls" preload="none" src="${escAttr(m.url)}"${type === "video" ? ' width="640" height="360"' : ""} aria-label="${title}"></${type}>`;
      return `<li class="wp-playlist-item"><span class="wp-playlist-caption">${title}</span>${media}<a class="wp-playlist-file" href="${escAttr(m.url)}">Download</a></li>`;
    })
    .join("");
  const list = showNumbers ? "ol" : "ul";
  return `<figure class="wp-playlist wp-${type}-playlist" aria-labelledby="${label}"><figcaption id="${label}" class="screen-reader-text">Playlist</figcaption><${list} class="wp-playlist-tracks">${items}</${list}></figure>`;
}
