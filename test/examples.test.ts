import { TerraformStack, Testing } from 'cdktf';
import { examples } from '../examples';

// Every example must synthesize offline, with cdktf's validations on, in the test suite.
describe.each(examples.map((e) => [e.name, e] as const))('example %s', (_name, example) => {
  test('synthesizes with validations', () => {
    const app = Testing.app();
    const stacks = ([] as TerraformStack[]).concat(example.build(app));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const json = JSON.parse(Testing.synth(stack, true));
      expect(Object.keys(json.resource ?? {}).length + Object.keys(json.data ?? {}).length).toBeGreaterThan(0);
    }
  });
});

test('the identities example holds a user-assigned identity and an app registration', () => {
  const stack = examples.find((e) => e.name === 'identities')!.build(Testing.app()) as TerraformStack;
  const json = JSON.parse(Testing.synth(stack, true));
  expect(Object.keys(json.resource).sort()).toEqual(['azuread_application', 'azuread_service_principal', 'azurerm_user_assigned_identity']);
});
