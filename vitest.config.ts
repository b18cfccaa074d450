import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run the services outside Next, as its server does: the marker's server build is its empty one.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" }, // the npm scripts name one file per project
    setupFiles: ["tests/setup/clock-ahead.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // A file of PostgreSQL-only suites (*.postgres.test.ts) runs only when there is a PostgreSQL to run it on.
          exclude: process.env.TEST_DATABASE_URL ? [] : ["tests/integration/**/*.postgres.test.ts"],
          environment: "node",
          // Each file opens its own databases (PGlite in memory, and PostgreSQL when TEST_DATABASE_URL is set).
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
