/**
 * Imported first by main.ts, before the heavy modules load: a stop asked for while the worker is
 * still starting (a quick restart, a rollout) is kept and honoured once it has started, instead
 * of killing the process without its shutdown hooks.
 */
let early: NodeJS.Signals | undefined;
const keep = (signal: NodeJS.Signals) => {
  early ??= signal;
};
process.once('SIGTERM', keep);
process.once('SIGINT', keep);

/** Stops keeping signals (the real handlers take over) and says whether one came meanwhile. */
export function takeEarlySignal(): NodeJS.Signals | undefined {
  process.off('SIGTERM', keep);
  process.off('SIGINT', keep);
  return early;
}
