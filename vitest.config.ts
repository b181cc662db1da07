import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine. Many
    // files wait on PostgreSQL, child processes or fake platforms rather than the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
    // Files of one worker share their modules: PGlite's WebAssembly is compiled once per worker,
    // not once per file (about 2 s each). Each file still gets its own database.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Only the soak suite (npm run test:soak) runs the long tests.
    exclude: ["test/soak/**", "node_modules/**"],
  },
});
