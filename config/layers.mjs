// @ts-check
/**
 * The one-way layering of the libraries: each lib and the libs it may import. Lint enforces it
 * (eslint.config.mjs, eslint-plugin-boundaries); apps sit on top and may import any lib, the
 * worker never a file of the API. A new lib is one line here and one path in tsconfig.json.
 * @type {Record<string, string[]>}
 */
export const LAYERS = {
  core: [],
  catalog: ['core'],
  identity: ['core', 'catalog'],
  notifications: ['core', 'identity'],
  registration: ['core', 'catalog', 'identity', 'notifications'],
  attendance: ['core', 'catalog', 'identity', 'notifications', 'registration'],
  outcomes: ['core', 'catalog', 'identity', 'notifications', 'registration'],
  matchmaking: ['core', 'catalog', 'identity', 'notifications', 'registration', 'attendance', 'outcomes'],
  progress: ['core', 'catalog', 'identity', 'notifications', 'registration', 'attendance', 'outcomes'],
  reconciliation: ['core', 'catalog', 'identity', 'notifications', 'registration', 'attendance', 'outcomes'],
  bulletins: ['core', 'catalog', 'identity', 'notifications', 'registration', 'attendance', 'outcomes', 'progress'],
  schema: [
    'core',
    'catalog',
    'identity',
    'notifications',
    'registration',
    'attendance',
    'outcomes',
    'matchmaking',
    'progress',
    'reconciliation',
    'bulletins',
  ],
};
