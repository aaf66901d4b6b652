// Known XSS payloads (OWASP's filter-evasion cheat sheet, PortSwigger's list, mutation-XSS
// classics). Each would set window.__xss or open a dialog if it ran.
const run = "window.__xss=1,alert(1)";
export const XSS_PAYLOADS: string[] = [
  `<script>${run}</script>`,
  `<img src=x onerror="${run}">`,
  `<svg onload=${run}>`,
  `<svg><script>${run}</script></svg>`,
  `<a href="javascript:${run}">js link</a>`,
  `<a href="jav&#x09;ascript:${run}">tab link</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}">entity link</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<body onload=${run}>`,
  `<b onmouseover=${run}>hover</b>`,
  `<a href="http://x.example" onclick="${run}" style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `"><script>${run}</script>`,
  `<input autofocus onfocus=${run}>`,
  `<details open ontoggle=${run}>`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<form action="javascript:${run}"><button>x</button></form>`,
  `<b style="background:url(javascript:${run})">styled</b>`,
  `<style>@import 'javascript:${run}';</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<IMG SRC=JaVaScRiPt:${run}>`,
  `<<script>script>${run}<</script>/script>`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
  `<a href=" &#14;  javascript:${run}">space link</a>`,
  `<blockquote cite="javascript:${run}">quote</blockquote>`,
  `<q cite="javascript:${run}">q</q>`,
  `<abbr title="x" onmouseover="${run}">abbr</abbr>`,
  `<!--<img src="--><img src=x onerror=${run}//">`,
  `<a href="java\nscript:${run}">newline link</a>`,
  `<svg><a xlink:href="javascript:${run}"><text>x</text></a></svg>`,
  `http://example.com/"onmouseover="${run}"`,
  `<template><script>${run}</script></template>`,
  `<textarea><script>${run}</script></textarea>`,
  `<a href="https://ok.example" target="_blank" rel="opener">fine link</a>`,
  `<base href="javascript:${run}//">`,
  `<link rel=stylesheet href="javascript:${run}">`,
  `<img src="x:x" onerror="${run}">`,
];

/** A name and a website field that try the same. */
export const XSS_NAME = `<img src=x onerror=${run}>Mallory`;
export const XSS_URL = `javascript:${run}`;

/**
 * Shortcodes whose attributes or content try to print markup when a post is displayed. Stored
 * content that is safe on its own must stay safe once its shortcodes are rendered.
 */
export const SHORTCODE_XSS_PAYLOADS: string[] = [
  `[caption id='"><script>${run}</script>' align='" onmouseover="${run}' width="300" caption='<img src=x onerror="${run}">x']<img src="/favicon.ico" alt="" />[/caption]`,
  `[caption width="300" caption="<svg onload=${run}>"]<img src="/favicon.ico" alt="" /> text[/caption]`,
  `<a title="[caption width=5 caption='x&quot; onmouseover=&quot;${run}']y[/caption]">attr</a>`,
  `[gallery ids="1" columns="3'><script>${run}</script>" size="'><img src=x onerror=${run}>" link="javascript:${run}"]`,
  `[audio src="javascript:${run}"]`,
  `[audio mp3="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="]`,
  `[video src="https://x.example/v.mp4" width="1' onerror='${run}" poster="javascript:${run}"]`,
  `[playlist ids="1" style="x" class='"><script>${run}</script>']`,
  `[embed]javascript:${run}[/embed]`,
  `[embed]https://x.example/"><script>${run}</script>[/embed]`,
  `[[gallery]] [caption][caption][caption]unclosed [/caption][gallery`,
];
