// @ts-check
/**
 * Mutation testing of the pure rules: `npm run test:mutation` (not part of `npm test`: it takes
 * a while on two cores). Run it after changing a rule file or its tests; it fails below 90 %.
 * Survivors that are equivalent mutants are listed in test/mutation/equivalent.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  mutate: [
    'libs/registration/src/identifiers/*.ts',
    'libs/attendance/src/check-in.window.ts',
    '!**/*.spec.ts',
    '!**/index.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: 90 },
};
