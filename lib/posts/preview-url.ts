/** Where Preview opens: the site's own page for the post, as WordPress's /?p=ID&preview=true. */
export function previewUrl(type: "post" | "page", id: number): string {
  return `/?${type === "page" ? "page_id" : "p"}=${id}&preview=true`;
}
