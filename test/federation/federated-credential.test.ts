import { App, Fn, TerraformStack, Testing } from 'cdktf';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ApplicationFederatedIdentityCredential } from '@cdktf/provider-azuread/lib/application-federated-identity-credential';
import {
  AppRegistration, FederatedCredential, SystemAssignedIdentity, TerraformRunPhase, Trust, UserAssignedIdentity,
} from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { CREDENTIAL_NAME } from '../../src/private/federation-rules';
import {
  CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, newStack, resourcesOf, synthJson, thrownBy, warningsOf,
} from '../util';

const ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/00000000-0000-0000-0000-000000000001/`;
const k8s = (serviceAccountName: string, namespace = 'terraform') => Trust.kubernetes({ issuerUrl: ISSUER, namespace, serviceAccountName });

function identity(stack = newStack(), id = 'Intune', name = 'id-intune-ci') {
  return new UserAssignedIdentity(stack, id, { name, resourceGroupName: 'rg-identity', location: 'westeurope' });
}

describe('on a user-assigned identity', () => {
  test('emits azurerm_federated_identity_credential with parent_id and a one-element audience', () => {
    const stack = newStack();
    const uami = identity(stack);
    uami.addFederatedCredential('Aks', k8s('terraform-m365-sa'));
    const synthesized = Testing.synth(stack, true);
    const [uamiId] = Object.keys(resourcesOf(JSON.parse(synthesized), 'azurerm_user_assigned_identity'));
    expect(synthesized).toHaveResourceWithProperties(FederatedIdentityCredential, {
      name: 'k8s-terraform-terraform-m365-sa',
      resource_group_name: 'rg-identity',
      parent_id: `\${azurerm_user_assigned_identity.${uamiId}.id}`,
      issuer: ISSUER,
      subject: 'system:serviceaccount:terraform:terraform-m365-sa',
      audience: ['api://AzureADTokenExchange'],
    });
  });

  test('chains credentials on one identity with depends_on, in declaration order, and never across identities', () => {
    const stack = newStack();
    const a = identity(stack, 'A', 'id-a');
    const b = identity(stack, 'B', 'id-b');
    const first = a.addFederatedCredential('One', k8s('one'));
    const other = b.addFederatedCredential('Other', k8s('other'));
    const second = a.addFederatedCredential('Two', k8s('two'));
    const third = a.addFederatedCredential('Three', k8s('three'));
    const fics = resourcesOf(synthJson(stack), 'azurerm_federated_identity_credential');
    const byPath = (c: FederatedCredential) => fics[c.resource.friendlyUniqueId];
    const ref = (c: FederatedCredential) => `azurerm_federated_identity_credential.${c.resource.friendlyUniqueId}`;
    expect(byPath(first).depends_on).toBeUndefined();
    expect(byPath(second).depends_on).toEqual([ref(first)]);
    expect(byPath(third).depends_on).toEqual([ref(second)]);
    expect(byPath(other).depends_on).toBeUndefined();
  });

  test('works on imported identities, writing into their resource group', () => {
    const stack = newStack();
    const uami = UserAssignedIdentity.fromAttributes(stack, 'Existing', {
      resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID,
    });
    uami.addFederatedCredential('Aks', k8s('sa'));
    expect(Object.values(resourcesOf(synthJson(stack), 'azurerm_federated_identity_credential'))[0]).toMatchObject({
      parent_id: IDENTITY_RESOURCE_ID, resource_group_name: 'rg-identity',
    });
  });
});

describe('on an app registration', () => {
  test('emits azuread_application_federated_identity_credential with application_id and audiences', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'terraform-ci' });
    app.addFederatedCredential('Prod', Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' }));
    const synthesized = Testing.synth(stack, true);
    const [appId] = Object.keys(resourcesOf(JSON.parse(synthesized), 'azuread_application'));
    expect(synthesized).toHaveResourceWithProperties(ApplicationFederatedIdentityCredential, {
      application_id: `\${azuread_application.${appId}.id}`,
      display_name: 'github-contoso-infra-environment-prod',
      description: 'GitHub Actions contoso/infra environment prod',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:contoso/infra:environment:prod',
      audiences: ['api://AzureADTokenExchange'],
    });
    const credentials = Object.values(resourcesOf(JSON.parse(synthesized), 'azuread_application_federated_identity_credential'));
    expect(credentials).toHaveLength(1);
    for (const credential of credentials) expect(credential).not.toHaveProperty('depends_on');
  });

  test('accepts a managed identity as credential', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'terraform-ci' });
    const uami = identity(stack);
    app.addFederatedCredential('Uami', Trust.managedIdentity({ principalId: uami.principalId, tenantId: TENANT_ID }));
    expect(Object.values(resourcesOf(synthJson(stack), 'azuread_application_federated_identity_credential'))[0]).toMatchObject({
      issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
      subject: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}$/),
    });
  });
});

describe('rules', () => {
  test('a system-assigned identity cannot hold a credential, and the error says what to do', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(() => new FederatedCredential(stack, 'Fic', { target: vm as any, trust: k8s('sa') })).toThrow(
      'test/Fic: invalid target "test/Vm": only user-assigned identities and app registrations can hold federated identity credentials '
      + '(a system-assigned identity cannot). Fix: create a UserAssignedIdentity',
    );
  });

  test('a managed identity trust on a managed identity is refused', () => {
    expect(() => identity().addFederatedCredential('Mi', Trust.managedIdentity({ principalId: PRINCIPAL_ID, tenantId: TENANT_ID })))
      .toThrow(/^test\/Intune\/Mi: invalid trust "ManagedIdentity [0-9a-f-]+": only an app registration can hold this trust .*Fix: add this trust to the AppRegistration/);
  });

  test('trust problems surface with the construct path, every problem on its own line', () => {
    const uami = identity();
    const error = thrownBy(() => uami.addFederatedCredential('Bad', Trust.kubernetes({ issuerUrl: 'http://issuer', namespace: 'Bad_NS', serviceAccountName: 'sa' })));
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^test\/Intune\/Bad: invalid issuer "http:\/\/issuer": an issuer must be an https URL.*Fix: .*"https:\/\/issuer"/),
      expect.stringMatching(/^invalid namespace "Bad_NS": a Kubernetes namespace must be a DNS-1123 label.*Fix: .*"bad-ns"/),
    ]);
  });

  test.each([['ab'], ['-fic'], ['a b c'], ['x'.repeat(121)]])('rejects the name %j', (name) => {
    expect(() => identity().addFederatedCredential('Aks', k8s('sa'), { name }))
      .toThrow(`test/Intune/Aks: invalid name ${JSON.stringify(name)}: a federated credential name needs 3 to 120`);
  });

  test('20 credentials pass and the 21st fails at synth, naming it', () => {
    const stack = newStack();
    const uami = identity(stack);
    for (let i = 1; i <= 20; i++) uami.addFederatedCredential(`Sa${i}`, k8s(`sa-${i}`));
    expect(() => Testing.synth(stack, true)).not.toThrow();
    uami.addFederatedCredential('Sa21', k8s('sa-21'));
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[test\/Intune\] holds 21 federated identity credentials, but Microsoft allows at most 20 .*The 21st is test\/Intune\/Sa21/,
    );
  });

  test('a duplicate issuer and subject fails at synth, naming both', () => {
    const stack = newStack();
    const uami = identity(stack);
    uami.addFederatedCredential('One', k8s('sa'));
    uami.addFederatedCredential('Two', k8s('sa'), { name: 'second' });
    expect(() => Testing.synth(stack, true)).toThrow(
      `has two federated credentials with issuer "${ISSUER}" and subject "system:serviceaccount:terraform:sa": test/Intune/One and test/Intune/Two`,
    );
  });

  test('two explicit equal names fail at synth', () => {
    const stack = newStack();
    const uami = identity(stack);
    uami.addFederatedCredential('One', k8s('a'), { name: 'same' });
    uami.addFederatedCredential('Two', k8s('b'), { name: 'same' });
    expect(() => Testing.synth(stack, true)).toThrow('has two federated credentials named "same": test/Intune/One and test/Intune/Two');
  });

  test('credentials declared elsewhere still count toward their target', () => {
    const stack = newStack();
    const uami = identity(stack);
    for (let i = 1; i <= 21; i++) new FederatedCredential(stack, `Elsewhere${i}`, { target: uami, trust: k8s(`sa-${i}`) });
    expect(() => Testing.synth(stack, true)).toThrow('holds 21 federated identity credentials');
  });
});

describe('derived names', () => {
  test('are readable, valid, and the same across runs', () => {
    const build = () => {
      const stack = newStack();
      const uami = identity(stack);
      uami.addFederatedCredential('Aks', k8s('terraform-m365-sa', 'terraform-m365'));
      uami.addFederatedCredential('Gh', Trust.githubActions({ owner: 'Contoso', repository: 'intune.config', environment: 'release/2026:Q4' }));
      Trust.terraformCloudRunPhases({ organization: 'contoso', project: 'Default Project', workspace: 'm365' })
        .forEach((t, i) => uami.addFederatedCredential(`Tfc${i}`, t));
      uami.addFederatedCredential('Tok', Trust.kubernetes({ issuerUrl: ISSUER, namespace: Fn.lower('NS'), serviceAccountName: 'sa' }));
      return Object.values(resourcesOf(synthJson(stack), 'azurerm_federated_identity_credential')).map((r: any) => r.name);
    };
    const names = build();
    expect(names).toEqual([
      'k8s-terraform-m365-terraform-m365-sa',
      // The name rule replaced characters of these inputs, so each gains a hash of its own parts.
      'github-Contoso-intune-config-environment-release-2026-Q4-9006cf',
      'tfc-contoso-Default-Project-m365-plan-cdef12',
      'tfc-contoso-Default-Project-m365-apply-02f15b',
      'Tok',
    ]);
    expect(build()).toEqual(names);
    for (const name of names) expect(name).toMatch(CREDENTIAL_NAME);
  });

  test('stay unique on one identity when two trusts read alike', () => {
    const stack = newStack();
    const uami = identity(stack);
    const other = 'https://other.example.com';
    const a = uami.addFederatedCredential('Blue', k8s('sa'));
    const b = uami.addFederatedCredential('Green', Trust.kubernetes({ issuerUrl: other, namespace: 'terraform', serviceAccountName: 'sa' }));
    expect([a.name, b.name]).toEqual(['k8s-terraform-sa', 'k8s-terraform-sa-Green']);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('inputs that differ only in case and punctuation get names Azure tells apart, each from its own input, in any order', () => {
    const environments = ['prod-eu', 'prod.eu', 'Prod EU', 'prod_eu', 'prod/eu'];
    const namesIn = (order: string[]) => {
      const uami = identity();
      return Object.fromEntries(order.map((environment, i) => [environment,
        uami.addFederatedCredential(`E${i}`, Trust.githubActions({ owner: 'o', repository: 'r', environment })).name]));
    };
    const names = namesIn(environments);
    // Azure compares credential names without case.
    expect(new Set(Object.values(names).map((n) => n.toLowerCase())).size).toBe(environments.length);
    expect(namesIn([...environments].reverse())).toEqual(names);
    expect(namesIn(['prod.eu'])['prod.eu']).toBe(names['prod.eu']);
    // Nothing was lost from these, so their names are as they always were.
    expect(names['prod-eu']).toBe('github-o-r-environment-prod-eu');
    expect(names.prod_eu).toBe('github-o-r-environment-prod_eu');
    for (const name of Object.values(names)) expect(name).toMatch(CREDENTIAL_NAME);
  });

  test('long ones are cut to 120 characters with a hash, still unique', () => {
    const uami = identity();
    const long = 'a'.repeat(200);
    const a = uami.addFederatedCredential('A', Trust.custom({ issuer: 'https://x.example', subject: 's1' }), {});
    const b = uami.addFederatedCredential('L1', Trust.githubActions({ owner: 'o', repository: 'r', environment: `${long}1` }));
    const c = uami.addFederatedCredential('L2', Trust.githubActions({ owner: 'o', repository: 'r', environment: `${long}2` }));
    expect(a.name).toBe('fic-A');
    expect(b.name).toHaveLength(120);
    expect(b.name).toMatch(CREDENTIAL_NAME);
    expect(b.name).not.toBe(c.name);
  });
});

describe('warnings', () => {
  test('a pull_request trust is flagged on the credential', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    app.addFederatedCredential('Prs', Trust.githubActions({ owner: 'contoso', repository: 'infra', ownerId: '1', repositoryId: '2', pullRequest: true }));
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^test\/Ci\/Prs: This trusts every pull request/)]);
  });

  test('credentials of one identity in another stack are chained only within that stack', () => {
    const app = Testing.app();
    const [first, second] = ['one', 'two'].map((id) => {
      const stack = new TerraformStack(app, id);
      addProviders(stack);
      return stack;
    });
    const uami = identity(first);
    uami.addFederatedCredential('A', k8s('a'));
    new FederatedCredential(second, 'B', { target: uami, trust: k8s('b') });
    new FederatedCredential(second, 'C', { target: uami, trust: k8s('c') });
    const inSecond = Object.values(resourcesOf(JSON.parse(Testing.synth(second, true)), 'azurerm_federated_identity_credential')) as any[];
    expect(inSecond.map((c) => c.depends_on)).toEqual([undefined, [expect.stringMatching(/^azurerm_federated_identity_credential\.\w+$/)]]);
  });

  test('HCP Terraform plan and apply on an app', () => {
    const stack = newStack();
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    const [plan, apply] = Trust.terraformCloudRunPhases({ organization: 'contoso', project: 'Default Project', workspace: 'm365' });
    app.addFederatedCredential('Plan', plan);
    app.addFederatedCredential('Apply', apply);
    const subjects = Object.values(resourcesOf(synthJson(stack), 'azuread_application_federated_identity_credential')).map((r: any) => r.subject);
    expect(subjects.sort()).toEqual([
      'organization:contoso:project:Default Project:workspace:m365:run_phase:apply',
      `organization:contoso:project:Default Project:workspace:m365:run_phase:${TerraformRunPhase.PLAN}`,
    ]);
  });
});

// hashicorp/terraform-provider-azurerm 4.55 federated_identity_credential_resource.go builds the ID from
// the provider's subscription, not from parent_id.
describe('subscription of the credential', () => {
  const otherSubscription = '99999999-5555-6666-7777-888888888888';
  const build = (providerSubscription: string) => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: providerSubscription });
    const uami = UserAssignedIdentity.fromAttributes(stack, 'Existing', {
      resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID,
    });
    uami.addFederatedCredential('Aks', k8s('sa'));
    return stack;
  };

  test('a provider for another subscription than the identity\'s fails at synth, naming both', () => {
    expect(() => Testing.synth(build(otherSubscription), true)).toThrow(
      `[test/Existing/Aks] invalid target "${IDENTITY_RESOURCE_ID}": azurerm writes the credential into the provider's subscription (${otherSubscription}), `
      + `not the identity's (${SUBSCRIPTION_ID}). Fix: create the credential in a stack whose azurerm provider manages subscription ${SUBSCRIPTION_ID}.`);
  });

  test('the same subscription, in any case, passes', () => {
    expect(Object.keys(resourcesOf(JSON.parse(Testing.synth(build(SUBSCRIPTION_ID.toUpperCase()), true)), 'azurerm_federated_identity_credential'))).toHaveLength(1);
  });

  test('app.synth judges the tree as it is at each synth, not as an earlier synth saw it', () => {
    const stack = build(SUBSCRIPTION_ID);
    const app = stack.node.root as App;
    app.synth();
    stack.node.tryRemoveChild('azurerm');
    new AzurermProvider(stack, 'other', { features: [{}], subscriptionId: otherSubscription });
    expect(() => app.synth()).toThrow(`azurerm writes the credential into the provider's subscription (${otherSubscription})`);
  });
});
