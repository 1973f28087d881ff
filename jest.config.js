/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // 151002: ts-jest's note that node20 module output is "hybrid"; the output is CommonJS, as Node runs it.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  // Examples import the package by name, as a user would; tests run them against src/.
  moduleNameMapper: { '^cdktf-azure-identity$': '<rootDir>/src/index.ts' },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
