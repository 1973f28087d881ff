const fs = require('fs');
const path = require('path');

// FRAMEWORK=cdktn runs the same tests against CDK Terrain: `cdktf` resolves to `cdktn` everywhere
// (the library, the tests and the prebuilt providers' own imports, so the app has one framework
// core), and each prebuilt provider module the library imports resolves to the library's own
// binding of it, as in the cdktn package (scripts/package-cdktn.js). Other prebuilt modules (a VM, a
// Key Vault in the examples) stay, on cdktn: they stand for a user's own generated bindings.
const cdktn = process.env.FRAMEWORK === 'cdktn';

function ownBindings() {
  const mapping = {};
  for (const provider of ['azurerm', 'azuread']) {
    const dir = path.join(__dirname, 'src', 'bindings', provider);
    const names = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
    mapping[`^@cdktf/provider-${provider}/lib/(${names.join('|')})$`] = `<rootDir>/src/bindings/${provider}/$1`;
  }
  return mapping;
}

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
  moduleNameMapper: {
    '^cdktf-azure-identity$': '<rootDir>/src/index.ts',
    ...(cdktn ? { '^cdktf$': 'cdktn', '^cdktf/(.*)$': 'cdktn/$1', ...ownBindings() } : {}),
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
