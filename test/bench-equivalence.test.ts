import * as fs from 'fs';
import { App } from 'cdktf';
/* eslint-disable @typescript-eslint/no-require-imports */
const { SHAPES, stackFiles, tempOutdir } = require('../bench/shapes');
const withLibrary = require('../bench/with-library');
const handWritten = require('../bench/hand-written');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every file of every stack an app of `shape` writes, by path under the output folder. */
function synthesized(shape: string, variant: unknown, n: number): Map<string, string> {
  const outdir = tempOutdir();
  try {
    const app = new App({ outdir });
    SHAPES[shape](app, variant, n);
    app.synth();
    return new Map(stackFiles(outdir).map((file: string) => [file.slice(outdir.length), fs.readFileSync(file, 'utf8')]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// The benchmark compares the library with hand-written L1 code; the comparison is only fair if both
// write the same bytes. The benchmark checks the digests again at every size it runs.
test.each([
  ['workloads', 3],
  ['stacks', 2],
  ['warnings', 2],
])('the %s shape: the library and hand-written L1 code write byte-identical files', (shape, n) => {
  const library = synthesized(shape as string, withLibrary, n as number);
  const l1 = synthesized(shape as string, handWritten, n as number);
  expect([...library.keys()]).toEqual([...l1.keys()]);
  for (const [file, content] of library) expect({ file, content }).toEqual({ file, content: l1.get(file) });
});

test('the output is what the benchmark says it is: three chained credentials and five grants per workload', () => {
  const [content] = [...synthesized('workloads', handWritten, 2).values()];
  const json = JSON.parse(content);
  expect(Object.keys(json.resource.azurerm_user_assigned_identity)).toHaveLength(2);
  expect(Object.keys(json.resource.azurerm_federated_identity_credential)).toHaveLength(6);
  expect(Object.keys(json.resource.azuread_app_role_assignment)).toHaveLength(10);
  expect(Object.keys(json.data.azuread_service_principal)).toHaveLength(1);
  expect(json.resource.azurerm_federated_identity_credential.W0_K2_FA25AA94.depends_on).toEqual(['azurerm_federated_identity_credential.W0_K1_459FC61B']);
});
