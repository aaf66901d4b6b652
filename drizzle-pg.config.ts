// drizzle-kit for the PostgreSQL engine: `npm run db:generate` writes both engines' migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./drizzle-pg",
});
