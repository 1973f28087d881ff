// Variant A: the workloads written with the library, as its README shows. A process running this
// variant loads cdktf, the library and the two provider modules of the stack's provider blocks.
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
const { Trust, UserAssignedIdentity } = require('cdktf-azure-identity');
const { CREDENTIALS_PER_WORKLOAD, PERMISSIONS, TRUSTS, WORKLOAD } = require('./fixtures');

const PERMISSION_NAMES = PERMISSIONS.map(([name]) => name);

function addProviders(scope) {
  new AzurermProvider(scope, 'azurerm', { features: [{}] });
  new AzureadProvider(scope, 'azuread', {});
}

function build(scope, workloads, trusts = 'kubernetes') {
  for (let i = 0; i < workloads; i++) {
    const identity = new UserAssignedIdentity(scope, `W${i}`, { name: WORKLOAD.name(i), resourceGroupName: WORKLOAD.resourceGroupName, location: WORKLOAD.location });
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) {
      const { factory, options } = TRUSTS[trusts](i, j);
      identity.addFederatedCredential(`K${j}`, Trust[factory](options));
    }
    identity.grantGraphAppRoles('Graph', PERMISSION_NAMES);
  }
}

module.exports = { addProviders, build };
