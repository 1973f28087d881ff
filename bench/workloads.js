// The benchmark's two ways to write the same workloads: with the library (A) and as hand-written
// L1 code with deep imports (B). Plain CommonJS, so that a benchmark process loads the compiled
// library (lib/) and no TypeScript compiler: `cdktf-azure-identity` resolves to lib/ in the bench
// (bench/library.js) and to src/ in Jest.
//
// A workload is a user-assigned identity with three federated credentials (chained, as Azure
// requires) and five Graph app role grants; all grants of a stack share one Graph service principal.
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const { UserAssignedIdentity: L1UserAssignedIdentity } = require('@cdktf/provider-azurerm/lib/user-assigned-identity');
const { FederatedIdentityCredential } = require('@cdktf/provider-azurerm/lib/federated-identity-credential');
const { AppRoleAssignment } = require('@cdktf/provider-azuread/lib/app-role-assignment');
const { DataAzureadServicePrincipal } = require('@cdktf/provider-azuread/lib/data-azuread-service-principal');
const { Trust, UserAssignedIdentity } = require('cdktf-azure-identity');

const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/00000000-0000-0000-0000-000000000001/';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const CREDENTIALS_PER_WORKLOAD = 3;
/** Five Graph application permissions and their IDs (Microsoft's permissions reference). */
const PERMISSIONS = [
  ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
  ['Group.Read.All', '5b567255-7703-4780-807c-7be8301ae99b'],
  ['DeviceManagementConfiguration.Read.All', 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3'],
  ['DeviceManagementManagedDevices.Read.All', '2f51be20-0bb4-4fed-bf7b-db946066c75e'],
  ['DeviceManagementApps.Read.All', '7a6ee1e7-141e-4cec-ae74-d9db155731ff'],
];

function addProviders(scope) {
  new AzurermProvider(scope, 'azurerm', { features: [{}] });
  new AzureadProvider(scope, 'azuread', {});
}

/**
 * What a workload trusts: Kubernetes service accounts, or (the warnings-heavy shape) GitHub
 * branches named without the repository's IDs, which the library warns about.
 */
const TRUSTS = {
  kubernetes: (i, j) => ({
    trust: Trust.kubernetes({ issuerUrl: ISSUER, namespace: `ns-${i}`, serviceAccountName: `sa-${j}` }),
    l1: { name: `k8s-ns-${i}-sa-${j}`, issuer: ISSUER, subject: `system:serviceaccount:ns-${i}:sa-${j}` },
  }),
  github: (i, j) => ({
    trust: Trust.githubActions({ owner: 'contoso', repository: `repo-${i}`, branch: `b${j}` }),
    l1: { name: `github-contoso-repo-${i}-branch-b${j}`, issuer: GITHUB_ISSUER, subject: `repo:contoso/repo-${i}:ref:refs/heads/b${j}` },
  }),
};

/** A: the library. */
function buildWithLibrary(scope, workloads, trusts = 'kubernetes') {
  for (let i = 0; i < workloads; i++) {
    const identity = new UserAssignedIdentity(scope, `W${i}`, { name: `id-workload-${i}`, resourceGroupName: 'rg-bench', location: 'westeurope' });
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) identity.addFederatedCredential(`K${j}`, TRUSTS[trusts](i, j).trust);
    identity.grantGraphAppRoles('Graph', PERMISSIONS.map(([name]) => name));
  }
}

/** B: hand-written L1 code producing the same resources. */
function buildHandWritten(scope, workloads, trusts = 'kubernetes') {
  const graph = new DataAzureadServicePrincipal(scope, 'MicrosoftGraphServicePrincipal', { clientId: '00000003-0000-0000-c000-000000000000' });
  for (let i = 0; i < workloads; i++) {
    const identity = new L1UserAssignedIdentity(scope, `W${i}`, { name: `id-workload-${i}`, resourceGroupName: 'rg-bench', location: 'westeurope' });
    let previous;
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) {
      previous = new FederatedIdentityCredential(scope, `W${i}K${j}`, {
        ...TRUSTS[trusts](i, j).l1,
        resourceGroupName: 'rg-bench',
        parentId: identity.id,
        audience: ['api://AzureADTokenExchange'],
        dependsOn: previous ? [previous] : undefined,
      });
    }
    for (const [name, id] of PERMISSIONS) {
      new AppRoleAssignment(scope, `W${i}${name}`, { appRoleId: id, principalObjectId: identity.principalId, resourceObjectId: graph.objectId });
    }
  }
}

module.exports = { CREDENTIALS_PER_WORKLOAD, PERMISSIONS, TRUSTS, addProviders, buildHandWritten, buildWithLibrary };
