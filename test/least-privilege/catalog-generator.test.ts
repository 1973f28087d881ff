import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-least-privilege.js');

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'least-privilege');

describe('the least-privilege catalog generator', () => {
  const output: string = generator.render(fixtures);

  test('records each provider\'s version and commit in the header', () => {
    expect(output).toContain('//   deploymenttheory/microsoft365 9.9.9-test (commit 0000000000000000000000000000000000000001): 2 types');
    expect(output).toContain('//   hashicorp/azuread 9.9.9-test (commit 0000000000000000000000000000000000000002): 1 types');
  });

  test('keeps microsoft365\'s hint lists, without the stray comma one Go string carries', () => {
    expect(output).toContain('"microsoft365_widget": {"provider":"microsoft365","read":["Widget.Read.All","Directory.Read.All"],"write":["Widget.ReadWrite.All"]},');
  });

  test('falls back on the docs where the code declares nothing, and says so', () => {
    expect(output).toContain('"action.microsoft365_quiet": {"provider":"microsoft365","read":["Quiet.PrivilegedOperations.All"],"write":["Quiet.PrivilegedOperations.All"],"notes":["no Graph permissions declared');
  });

  test('keeps azuread\'s alternatives in order, with their conditions and extra needs as notes', () => {
    expect(output).toContain('"azuread_gadget": {"provider":"azuread","alternatives":[["Gadget.ReadWrite.OwnedBy"],["Gadget.ReadWrite.All"]],'
      + '"conditions":{"Gadget.ReadWrite.OwnedBy":"principal must own the gadget"},"notes":["also User.Read.All when owners include users"]},');
  });

  test('is deterministic', () => {
    expect(generator.render(fixtures)).toBe(output);
  });
});

// The provider data is not part of the repository; point LEAST_PRIVILEGE_DATA at its folder to check
// that the committed catalog is exactly what it generates.
const data = process.env.LEAST_PRIVILEGE_DATA;
(data ? test : test.skip)('the committed catalog is what LEAST_PRIVILEGE_DATA generates, byte for byte', () => {
  expect(generator.render(path.resolve(data!))).toBe(fs.readFileSync(generator.OUTPUT, 'utf8'));
});
