// The site's language as WordPress stores it: the WPLANG option holds a locale ("de_DE"), empty
// for the default en_US. Feeds, like get_bloginfo('language'), declare it as a BCP 47 tag ("de-DE").
import type { Options } from "./defaults";

/** The locales Settings → General offers (WordPress's most installed translations), value → name. */
export const SITE_LANGUAGES: Record<string, string> = {
  "": "English (United States)",
  en_GB: "English (UK)",
  en_AU: "English (Australia)",
  en_CA: "English (Canada)",
  de_DE: "Deutsch",
  de_CH: "Deutsch (Schweiz)",
  fr_FR: "Français",
  fr_CA: "Français du Canada",
  es_ES: "Español",
  es_MX: "Español de México",
  it_IT: "Italiano",
  nl_NL: "Nederlands",
  pt_PT: "Português",
  pt_BR: "Português do Brasil",
  pl_PL: "Polski",
  sv_SE: "Svenska",
  da_DK: "Dansk",
  nb_NO: "Norsk bokmål",
  fi: "Suomi",
  cs_CZ: "Čeština",
  tr_TR: "Türkçe",
  ru_RU: "Русский",
  uk: "Українська",
  el: "Ελληνικά",
  ar: "العربية",
  he_IL: "עִבְרִית",
  hi_IN: "हिन्दी",
  id_ID: "Bahasa Indonesia",
  ja: "日本語",
  ko_KR: "한국어",
  zh_CN: "简体中文",
  zh_TW: "繁體中文",
};

/** A locale such as a WXR's <language> or another WordPress's WPLANG; "" when it is none. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:_[A-Z]{2})?$/;

export function siteLanguageTag(opts: Pick<Options, "WPLANG">): string {
  const locale = LOCALE_PATTERN.test(opts.WPLANG) ? opts.WPLANG : "en_US";
  return locale.replace("_", "-");
}
