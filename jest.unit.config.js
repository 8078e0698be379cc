/** The unit tests only (next to the code): what mutation testing runs against each mutant. */
const base = require('./jest.config');

module.exports = { ...base, testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/'] };
