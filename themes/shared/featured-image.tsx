// Parts every theme may use as they are; each theme still decides where they go.
import type { PostView } from "@/lib/content/views";

/** The post's featured image, sized by its own dimensions (no layout shift), with the generated sizes as srcset. */
export function FeaturedImage({ post, className, eager }: { post: PostView; className: string; eager?: boolean }) {
  const img = post.featuredImage;
  if (!img) return null;
  return (
    <figure className={`post-thumbnail ${className}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- the srcset is WordPress's generated sizes, already on disk */}
      <img src={img.src} srcSet={img.srcSet} sizes={img.sizes} width={img.width} height={img.height} alt={img.alt} loading={eager ? "eager" : "lazy"} decoding="async" className="h-auto w-full" />
    </figure>
  );
}
