/**
 * Tests that start Tact as a child process on a database of their own (an embedded DATA_DIR or a
 * throwaway PostgreSQL server) never touch the suite's test database, so the PostgreSQL pass
 * (TEST_DATABASE_URL set) would only repeat them word for word. They run in the PGlite pass.
 */
export const repeatedInPostgresPass = Boolean(process.env.TEST_DATABASE_URL);
