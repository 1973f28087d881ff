import { TerraformIterator, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
// The prebuilt modules by file, a path the cdktn test run leaves as it is (it maps the module paths to
// the library's own bindings): under cdktn they stand for a user's own generated bindings.
import * as prebuiltApplication from '@cdktf/provider-azuread/lib/application/index.js';
import * as prebuiltAppRoleAssignment from '@cdktf/provider-azuread/lib/app-role-assignment/index.js';
import * as prebuiltAppFic from '@cdktf/provider-azuread/lib/application-federated-identity-credential/index.js';
import * as prebuiltAppFlexibleFic from '@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential/index.js';
import * as prebuiltDataApplication from '@cdktf/provider-azuread/lib/data-azuread-application/index.js';
import * as prebuiltDataServicePrincipal from '@cdktf/provider-azuread/lib/data-azuread-service-principal/index.js';
import * as prebuiltAzureadProvider from '@cdktf/provider-azuread/lib/provider/index.js';
import * as prebuiltServicePrincipal from '@cdktf/provider-azuread/lib/service-principal/index.js';
import * as prebuiltDelegatedGrant from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant/index.js';
import * as prebuiltDataIdentity from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity/index.js';
import * as prebuiltFic from '@cdktf/provider-azurerm/lib/federated-identity-credential/index.js';
import * as prebuiltAzurermProvider from '@cdktf/provider-azurerm/lib/provider/index.js';
import * as prebuiltRoleAssignment from '@cdktf/provider-azurerm/lib/role-assignment/index.js';
import * as prebuiltIdentity from '@cdktf/provider-azurerm/lib/user-assigned-identity/index.js';
import * as azuread from '../../src/bindings/azuread';
import * as azurerm from '../../src/bindings/azurerm';
import { resolve } from '../util';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packager = require('../../scripts/package-cdktn.js');

type Build = (scope: Construct, tokens: { text: string; list: string[] }) => any;

/** One case: the same construct built with the prebuilt binding and with the library's own. */
interface Case { readonly name: string; readonly prebuilt: Build; readonly own: Build; readonly attributes: string[] }

const id = '00000000-0000-0000-0000-000000000001';
const cases: Case[] = [
  {
    name: 'azurerm provider, every bound argument',
    prebuilt: (s) => new prebuiltAzurermProvider.AzurermProvider(s, 'azurerm', azurermProviderConfig()),
    own: (s) => new azurerm.AzurermProvider(s, 'azurerm', azurermProviderConfig()),
    attributes: ['subscriptionId', 'useMsi', 'alias'],
  },
  {
    name: 'azurerm provider, features only',
    prebuilt: (s) => new prebuiltAzurermProvider.AzurermProvider(s, 'azurerm', { features: [{}] }),
    own: (s) => new azurerm.AzurermProvider(s, 'azurerm', { features: [{}] }),
    attributes: [],
  },
  {
    name: 'azuread provider',
    prebuilt: (s) => new prebuiltAzureadProvider.AzureadProvider(s, 'azuread', azureadProviderConfig()),
    own: (s) => new azuread.AzureadProvider(s, 'azuread', azureadProviderConfig()),
    attributes: ['tenantId', 'useOidc'],
  },
  {
    name: 'user-assigned identity',
    prebuilt: (s, t) => new prebuiltIdentity.UserAssignedIdentity(s, 'I', { name: 'id-a', resourceGroupName: t.text, location: 'westeurope', tags: { a: 'b' } }),
    own: (s, t) => new azurerm.UserAssignedIdentity(s, 'I', { name: 'id-a', resourceGroupName: t.text, location: 'westeurope', tags: { a: 'b' } }),
    attributes: ['id', 'clientId', 'principalId', 'tenantId', 'name', 'resourceGroupName', 'location'],
  },
  {
    name: 'user-assigned identity data source',
    prebuilt: (s) => new prebuiltDataIdentity.DataAzurermUserAssignedIdentity(s, 'D', { name: 'id-a', resourceGroupName: 'rg' }),
    own: (s) => new azurerm.DataAzurermUserAssignedIdentity(s, 'D', { name: 'id-a', resourceGroupName: 'rg' }),
    attributes: ['id', 'clientId', 'principalId', 'tenantId', 'location'],
  },
  {
    name: 'federated identity credential, chained',
    prebuilt: (s) => {
      const first = new prebuiltFic.FederatedIdentityCredential(s, 'F1', ficConfig('one'));
      return new prebuiltFic.FederatedIdentityCredential(s, 'F2', { ...ficConfig('two'), dependsOn: [first] });
    },
    own: (s) => {
      const first = new azurerm.FederatedIdentityCredential(s, 'F1', ficConfig('one'));
      return new azurerm.FederatedIdentityCredential(s, 'F2', { ...ficConfig('two'), dependsOn: [first] });
    },
    attributes: ['id', 'name', 'issuer', 'subject'],
  },
  {
    name: 'role assignment',
    prebuilt: (s) => new prebuiltRoleAssignment.RoleAssignment(s, 'R', roleConfig()),
    own: (s) => new azurerm.RoleAssignment(s, 'R', roleConfig()),
    attributes: ['id', 'name', 'principalType', 'roleDefinitionId'],
  },
  {
    name: 'application with required resource access',
    prebuilt: (s) => new prebuiltApplication.Application(s, 'A', applicationConfig()),
    own: (s) => new azuread.Application(s, 'A', applicationConfig()),
    attributes: ['id', 'clientId', 'objectId', 'displayName'],
  },
  {
    name: 'application, display name only',
    prebuilt: (s) => new prebuiltApplication.Application(s, 'A', { displayName: 'app' }),
    own: (s) => new azuread.Application(s, 'A', { displayName: 'app' }),
    attributes: [],
  },
  {
    name: 'service principal',
    prebuilt: (s, t) => new prebuiltServicePrincipal.ServicePrincipal(s, 'S', { clientId: t.text, owners: [id] }),
    own: (s, t) => new azuread.ServicePrincipal(s, 'S', { clientId: t.text, owners: [id] }),
    attributes: ['id', 'objectId', 'applicationTenantId', 'displayName'],
  },
  {
    name: 'application federated identity credential',
    prebuilt: (s) => new prebuiltAppFic.ApplicationFederatedIdentityCredential(s, 'F', appFicConfig()),
    own: (s) => new azuread.ApplicationFederatedIdentityCredential(s, 'F', appFicConfig()),
    attributes: ['id', 'credentialId'],
  },
  {
    name: 'application flexible federated identity credential',
    prebuilt: (s) => new prebuiltAppFlexibleFic.ApplicationFlexibleFederatedIdentityCredential(s, 'F', flexibleConfig()),
    own: (s) => new azuread.ApplicationFlexibleFederatedIdentityCredential(s, 'F', flexibleConfig()),
    attributes: ['id', 'credentialId'],
  },
  {
    name: 'application data source',
    prebuilt: (s) => new prebuiltDataApplication.DataAzureadApplication(s, 'D', { clientId: id }),
    own: (s) => new azuread.DataAzureadApplication(s, 'D', { clientId: id }),
    attributes: ['id', 'objectId', 'displayName'],
  },
  {
    name: 'service principal data source',
    prebuilt: (s) => new prebuiltDataServicePrincipal.DataAzureadServicePrincipal(s, 'D', { clientId: id }),
    own: (s) => new azuread.DataAzureadServicePrincipal(s, 'D', { clientId: id }),
    attributes: ['id', 'objectId', 'applicationTenantId'],
  },
  {
    name: 'app role assignments, one per name of a list only Terraform knows',
    prebuilt: (s, t) => {
      const graph = new prebuiltDataServicePrincipal.DataAzureadServicePrincipal(s, 'G', { clientId: id });
      const each = TerraformIterator.fromList(t.list);
      return new prebuiltAppRoleAssignment.AppRoleAssignment(s, 'R', { forEach: each, appRoleId: graph.appRoleIds.lookup(each.value), principalObjectId: id, resourceObjectId: graph.objectId });
    },
    own: (s, t) => {
      const graph = new azuread.DataAzureadServicePrincipal(s, 'G', { clientId: id });
      const each = TerraformIterator.fromList(t.list);
      return new azuread.AppRoleAssignment(s, 'R', { forEach: each, appRoleId: graph.appRoleIds.lookup(each.value), principalObjectId: id, resourceObjectId: graph.objectId });
    },
    attributes: ['id', 'principalDisplayName', 'resourceDisplayName'],
  },
  {
    name: 'delegated permission grant',
    prebuilt: (s) => new prebuiltDelegatedGrant.ServicePrincipalDelegatedPermissionGrant(s, 'G', delegatedConfig()),
    own: (s) => new azuread.ServicePrincipalDelegatedPermissionGrant(s, 'G', delegatedConfig()),
    attributes: ['id'],
  },
];

function azurermProviderConfig() {
  return {
    features: [{}], subscriptionId: id, tenantId: id, clientId: id, useMsi: true, useOidc: false, useCli: false,
    useAksWorkloadIdentity: true, oidcTokenFilePath: '/var/run/token', adoPipelineServiceConnectionId: id, environment: 'public', alias: 'other',
  };
}
function azureadProviderConfig() {
  return {
    tenantId: id, clientId: id, useMsi: false, useOidc: true, useCli: false, useAksWorkloadIdentity: false,
    oidcTokenFilePath: '/var/run/token', adoPipelineServiceConnectionId: id, environment: 'global', alias: 'other',
  };
}
function ficConfig(name: string) {
  return { name, resourceGroupName: 'rg', parentId: '/subscriptions/x', issuer: 'https://issuer/', subject: 'system:serviceaccount:a:b', audience: ['api://AzureADTokenExchange'] };
}
function roleConfig() {
  return {
    scope: '/subscriptions/x', principalId: id, principalType: 'ServicePrincipal', roleDefinitionName: 'Reader',
    roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/x', description: 'why', skipServicePrincipalAadCheck: true,
  };
}
function applicationConfig() {
  return {
    displayName: 'app', owners: [id], signInAudience: 'AzureADMyOrg', description: 'd', tags: ['t'],
    requiredResourceAccess: [{ resourceAppId: id, resourceAccess: [{ id, type: 'Role' }, { id, type: 'Scope' }] }],
  };
}
function appFicConfig() {
  return { applicationId: '/applications/x', displayName: 'gh', description: 'd', issuer: 'https://i', subject: 's', audiences: ['api://AzureADTokenExchange'] };
}
function flexibleConfig() {
  return { applicationId: '/applications/x', displayName: 'gh', description: 'd', issuer: 'https://i', audience: 'api://AzureADTokenExchange', claimsMatchingExpression: "claims['sub'] matches 'x*'" };
}
function delegatedConfig() {
  return { servicePrincipalObjectId: id, resourceServicePrincipalObjectId: id, claimValues: ['User.Read', 'openid'], userObjectId: id };
}

/** Builds one case in a fresh stack; returns its JSON (framework metadata removed), its HCL and its attributes. */
function render(build: Build, attributes: string[]): { json: unknown; hcl: string; attributes: unknown[] } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const tokens = {
    text: new TerraformVariable(stack, 'text', { type: 'string' }).stringValue,
    list: new TerraformVariable(stack, 'list', { type: 'list(string)' }).listValue,
  };
  const built = build(stack, tokens);
  return {
    json: withoutMetadata(JSON.parse(Testing.synth(stack))),
    hcl: Testing.synthHcl(stack),
    attributes: attributes.map((name) => resolve(stack, built[name])),
  };
}

const withoutMetadata = (value: any): any => Array.isArray(value) ? value.map(withoutMetadata)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== '//').map(([k, v]) => [k, withoutMetadata(v)])) : value;

// Each own binding synthesizes what the prebuilt binding of the same module synthesizes, as JSON
// and as HCL, and its attributes are the same references.
test.each(cases.map((c) => [c.name, c] as const))('%s: the own binding writes what the prebuilt one does', (_, c) => {
  const prebuilt = render(c.prebuilt, c.attributes);
  const own = render(c.own, c.attributes);
  expect(own.json).toEqual(prebuilt.json);
  expect(own.hcl).toBe(prebuilt.hcl);
  expect(own.attributes).toEqual(prebuilt.attributes);
});

test('every module the library imports from a prebuilt provider has an own binding', () => {
  // The module paths the cdktn package rewrites (scripts/package-cdktn.js refuses a missing one too).
  const imports: string[] = packager.prebuiltImports();
  expect(imports.length).toBeGreaterThan(10);
  expect(imports.filter((p) => !packager.ownBindingFor(p))).toEqual([]);
});

test('the cdktn package imports cdktn and the own bindings, never cdktf or a prebuilt provider', () => {
  const rewritten = packager.rewrite([
    "import { TerraformStack } from 'cdktf';",
    "import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';",
    "import type { Application } from '@cdktf/provider-azuread/lib/application';",
    "const lazy = () => require('@cdktf/provider-azurerm/lib/role-assignment');",
    "import { check } from '../private/problems';",
  ].join('\n'), 'principals/user-assigned-identity.ts');
  expect(rewritten.split('\n')).toEqual([
    "import { TerraformStack } from 'cdktn';",
    "import { AzurermProvider } from '../bindings/azurerm/provider';",
    "import type { Application } from '../bindings/azuread/application';",
    "const lazy = () => require('../bindings/azurerm/role-assignment');",
    "import { check } from '../private/problems';",
  ]);
  expect(() => packager.rewrite("import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';", 'x.ts')).toThrow('has no own binding under src/bindings/');
});
