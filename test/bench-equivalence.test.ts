import { TerraformStack, Testing } from 'cdktf';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addProviders, buildHandWritten, buildWithLibrary } = require('../bench/workloads');

/**
 * The resources of a stack with logical IDs replaced by a stable key (the resource's `name`, or its
 * type for the one data source), so that two programs can be compared apart from their IDs.
 */
function canonical(build: (stack: TerraformStack) => void): string[] {
  const stack = new TerraformStack(Testing.app(), 'bench');
  addProviders(stack);
  build(stack);
  const json = JSON.parse(Testing.synth(stack, true));
  const keyOf = new Map<string, string>();
  for (const [type, byId] of Object.entries<any>(json.resource)) {
    for (const [id, body] of Object.entries<any>(byId)) keyOf.set(`${type}.${id}`, `${type}.${body.name ?? `${body.principal_object_id}/${body.app_role_id}`}`);
  }
  for (const [type, byId] of Object.entries<any>(json.data)) for (const id of Object.keys(byId)) keyOf.set(`data.${type}.${id}`, `data.${type}`);
  const rename = (text: string) => text.replace(/(data\.)?[a-z_]+\.[A-Za-z0-9_-]+(?=[.}"])/g, (address) => keyOf.get(address) ?? address);
  const rows: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    // Two passes: principal IDs used in keys are themselves references that need renaming.
    for (const [address, key] of keyOf) keyOf.set(address, rename(key));
  }
  for (const [type, byId] of Object.entries<any>(json.resource)) {
    for (const body of Object.values<any>(byId)) rows.push(`${type} ${rename(JSON.stringify(body))}`);
  }
  for (const [type, byId] of Object.entries<any>(json.data)) for (const body of Object.values<any>(byId)) rows.push(`data.${type} ${JSON.stringify(body)}`);
  return rows.sort();
}

test('for a small N, the library and hand-written L1 code synthesize the same resources apart from logical IDs', () => {
  const library = canonical((stack) => buildWithLibrary(stack, 4));
  const handWritten = canonical((stack) => buildHandWritten(stack, 4));
  expect(library).toHaveLength(4 * 9 + 1);
  expect(library).toEqual(handWritten);
  expect(library.find((r) => r.includes("depends_on"))).toContain(`"depends_on":["azurerm_federated_identity_credential.k8s-ns-0-sa-`);
  expect(library.find((r) => r.startsWith('azuread_app_role_assignment'))).toContain('${azurerm_user_assigned_identity.id-workload-');
});

test('the warnings-heavy shape is the same in both variants too', () => {
  const library = canonical((stack) => buildWithLibrary(stack, 3, 'github'));
  expect(library).toEqual(canonical((stack) => buildHandWritten(stack, 3, 'github')));
  expect(library.find((r) => r.startsWith('azurerm_federated_identity_credential'))).toContain('"subject":"repo:contoso/repo-');
});
