import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  // Feeds, trackback URLs and downloads are not pages: a plain <a> is right for them.
  { rules: { "@next/next/no-html-link-for-pages": "off" } },
  {
    // All SQL stays behind db/: pages, actions and lib never import drizzle or the driver.
    files: ["app/**", "components/**", "lib/**", "themes/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "Query through db/queries." },
      ] }],
    },
  },
];
export default config;
