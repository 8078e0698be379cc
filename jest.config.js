/** One jest run covers unit tests (next to the code) and e2e tests (test/). */
const aliases = ['core', 'catalog', 'identity', 'notifications', 'registration', 'attendance', 'outcomes', 'progress'];
const moduleNameMapper = {
  '^@app/testing(|/.*)$': '<rootDir>/test/support$1',
};
for (const name of aliases) {
  moduleNameMapper[`^@app/${name}(|/.*)$`] = `<rootDir>/libs/${name}/src$1`;
}

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
};
