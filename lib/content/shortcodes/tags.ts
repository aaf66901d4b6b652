// The shortcodes WordPress core registers (wp-includes/media.php and class-wp-embed.php).
// Any other [name] stays text, as it does on a WordPress site without the plugin that made it.
export const CORE_SHORTCODES = ["wp_caption", "caption", "gallery", "playlist", "audio", "video", "embed"] as const;
export type CoreShortcode = (typeof CORE_SHORTCODES)[number];
