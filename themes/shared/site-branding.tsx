// Appearance → Customize's logo and header image, with WordPress's class names (custom-logo-link,
// custom-logo, wp-custom-header) so that a stylesheet written for WordPress finds them.
import type { FeaturedImage, SiteInfo } from "@/lib/content/views";

/** The logo links home; with no alt text of its own it is named after the site, as WordPress does. */
export function SiteLogo({ site, className = "" }: { site: SiteInfo; className?: string }) {
  const logo = site.logo;
  if (!logo) return null;
  return (
    <a href={site.homeUrl} rel="home" className={`custom-logo-link inline-block shrink-0 ${className}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an upload with its own srcset, as featured images */}
      <img className="custom-logo block h-auto max-h-20 w-auto max-w-[min(100%,16rem)]" src={logo.src} srcSet={logo.srcSet} sizes={logo.srcSet ? "16rem" : undefined}
        width={logo.width} height={logo.height} alt={logo.alt || site.name} decoding="async" />
    </a>
  );
}

/** Decorative unless the image has alt text in the media library. */
export function HeaderImage({ image, className = "" }: { image?: FeaturedImage; className?: string }) {
  if (!image) return null;
  return (
    <div className={`wp-custom-header ${className}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an upload with its own srcset, as featured images */}
      <img className="block h-auto max-h-80 w-full object-cover" src={image.src} srcSet={image.srcSet} sizes={image.srcSet ? "(max-width: 1024px) 100vw, 1024px" : undefined}
        width={image.width} height={image.height} alt={image.alt} decoding="async" />
    </div>
  );
}
