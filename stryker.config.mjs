// @ts-check
import { readFileSync } from 'node:fs';

/**
 * The pure rules with their specs (`tsconfig.mutation.json`): all the TypeScript checker
 * compiles (with what they import), and the specs are the only tests that judge a mutant. Through the libs' index files jest would also
 * count as "related" specs that load Nest and TypeORM (bulletins, outcome views, the auth
 * guard): 2–6 s of module loading per mutant, for tests that do not aim at these rules. The
 * checker on the whole project re-checks every dependant of a mutated file (services,
 * controllers, e2e suites) with every mutant.
 */
const { include: ruleFiles } = JSON.parse(readFileSync('tsconfig.mutation.json', 'utf8'));
const ruleSpecs = ruleFiles.map((glob) => `<rootDir>/${glob.replace(/\.ts$/, '.spec.ts')}`);

/**
 * Mutation testing of the pure rules: `npm run test:mutation` (not part of `npm test`: it takes
 * a while on two cores). Run it after changing a rule file or its tests; it fails below 90 %.
 * Survivors that are equivalent mutants are listed in test/mutation/equivalent.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.unit.config.js',
    enableFindRelatedTests: true,
    config: { testRegex: [], testMatch: ruleSpecs },
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  // The pure rules of every lib: no database, no clock of their own, no I/O beyond a file read.
  mutate: [
    // registration: identifiers, masking, normalizing, the answers limits
    'libs/registration/src/identifiers/*.ts',
    'libs/registration/src/dto/answers-size.ts',
    // registration: how a group-committed batch splits into seats, waitlist and refusals
    'libs/registration/src/group-commit/seats.ts',
    // attendance: when the check-in door is open
    'libs/attendance/src/check-in.window.ts',
    // catalog: the plan-file parser and its vocabulary
    'libs/catalog/src/plan-file/plan-file.parser.ts',
    'libs/catalog/src/plan-file/plan-file.types.ts',
    // progress: report periods and the progress rules
    'libs/progress/src/progress.rules.ts',
    'libs/progress/src/report-period.ts',
    'libs/progress/src/*period*.ts',
    // outcomes: rules and the outcome state machine, agreement-type spellings, import row parsers, the CSV reader
    'libs/outcomes/src/outcome.rules.ts',
    'libs/outcomes/src/agreement-type.ts',
    'libs/outcomes/src/import/*.rows.ts',
    'libs/outcomes/src/import/csv.*.ts',
    'libs/outcomes/src/import/zip.size.ts',
    'libs/outcomes/src/outcome.key.ts',
    // core: the strict date parser
    'libs/core/src/**/*date*.ts',
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
