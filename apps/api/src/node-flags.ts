/**
 * The V8 flags the API process runs with: `npm start`, the Dockerfile's command and the launcher
 * of the end-to-end tests and benchmarks (`test/support/api-process.ts`) pass these, and a test
 * keeps the three the same.
 *
 * `--max-semi-space-size=64`: a young generation of 64 MB semi-spaces instead of V8's 16 MB. A
 * registration allocates some 200 KB and lives 40–60 ms, about as long as a 16 MB semi-space
 * lasted under a burst, so much of every request survived two scavenges and was copied into the
 * old generation, which full collections then had to mark. Measured on the hot-session run (four
 * runs of 4,000 after 4,000 warm-up, twice each, alternating): scavenge pauses 2.1–2.3 s per
 * process at 16 MB, 0.71–0.78 s at 64; the API's CPU per registration 12–20 % lower. The cost is
 * up to about 100 MB more resident memory under load.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
