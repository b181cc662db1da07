import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Only the soak suite (npm run test:soak) runs the long tests.
    exclude: ["test/soak/**", "node_modules/**"],
  },
});
