import { defineConfig } from "vitest/config";

/**
 * `npm run test:soak`: the long reliability tests (processes killed, PostgreSQL restarted,
 * replicas racing), each against its own throwaway PostgreSQL server. `npm test` leaves
 * them out (vitest.config.ts excludes test/soak).
 */
export default defineConfig({
  test: {
    include: ["test/soak/**/*.soak.test.ts"],
    pool: "forks",
    // One at a time: each starts Tact processes and a PostgreSQL server of its own.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
