// Variant B: the same workloads as careful hand-written L1 code with deep imports. It builds the
// library's construct tree (a plain construct where the library has one of its own, the resource
// as its `Resource` child) so that both variants synthesize byte-identical files
// (test/bench-equivalence.test.ts), and it reads each attribute once, as the library does: an
// identity's `id` and `principalId` once per workload, the Graph service principal's `objectId`
// once per stack. Every cdktf attribute read makes a token and captures a stack trace, so reading
// them at every use would make this baseline slower than the code it stands for.
const { Construct } = require('constructs');
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const { UserAssignedIdentity } = require('@cdktf/provider-azurerm/lib/user-assigned-identity');
const { FederatedIdentityCredential } = require('@cdktf/provider-azurerm/lib/federated-identity-credential');
const { AppRoleAssignment } = require('@cdktf/provider-azuread/lib/app-role-assignment');
const { DataAzureadServicePrincipal } = require('@cdktf/provider-azuread/lib/data-azuread-service-principal');
const { CREDENTIALS_PER_WORKLOAD, GRAPH_APP_ID, PERMISSIONS, TRUSTS, WORKLOAD } = require('./fixtures');

function addProviders(scope) {
  new AzurermProvider(scope, 'azurerm', { features: [{}] });
  new AzureadProvider(scope, 'azuread', {});
}

function build(scope, workloads, trusts = 'kubernetes') {
  const graph = new DataAzureadServicePrincipal(scope, 'MicrosoftGraphServicePrincipal', { clientId: GRAPH_APP_ID });
  const graphObjectId = graph.objectId;
  for (let i = 0; i < workloads; i++) {
    const workload = new Construct(scope, `W${i}`);
    const identity = new UserAssignedIdentity(workload, 'Resource', { name: WORKLOAD.name(i), resourceGroupName: WORKLOAD.resourceGroupName, location: WORKLOAD.location });
    const identityId = identity.id;
    const principalId = identity.principalId;
    let previous;
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) {
      previous = new FederatedIdentityCredential(new Construct(workload, `K${j}`), 'Resource', {
        ...TRUSTS[trusts](i, j).l1,
        resourceGroupName: WORKLOAD.resourceGroupName,
        parentId: identityId,
        audience: ['api://AzureADTokenExchange'],
        dependsOn: previous ? [previous] : undefined,
      });
    }
    const grant = new Construct(workload, 'Graph');
    for (const [name, id] of PERMISSIONS) {
      new AppRoleAssignment(grant, name, { appRoleId: id, principalObjectId: principalId, resourceObjectId: graphObjectId });
    }
  }
}

module.exports = { addProviders, build };
