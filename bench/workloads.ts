// The benchmark's two ways to write the same workloads: with the library (A) and as hand-written
// L1 code with deep imports (B). Each workload is a user-assigned identity with three Kubernetes
// federated credentials (chained, as Azure requires) and five Graph app role grants; all grants
// share one Graph service principal data source.
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { UserAssignedIdentity as L1UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { Trust, UserAssignedIdentity } from 'cdktf-azure-identity';

export const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/00000000-0000-0000-0000-000000000001/';
export const CREDENTIALS_PER_WORKLOAD = 3;
/** Five Graph application permissions and their IDs (Microsoft's permissions reference). */
export const PERMISSIONS: Array<[string, string]> = [
  ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
  ['Group.Read.All', '5b567255-7703-4780-807c-7be8301ae99b'],
  ['DeviceManagementConfiguration.Read.All', 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3'],
  ['DeviceManagementManagedDevices.Read.All', '2f51be20-0bb4-4fed-bf7b-db946066c75e'],
  ['DeviceManagementApps.Read.All', '7a6ee1e7-141e-4cec-ae74-d9db155731ff'],
];

export function addProviders(scope: Construct): void {
  new AzurermProvider(scope, 'azurerm', { features: [{}] });
  new AzureadProvider(scope, 'azuread', {});
}

/** A: the library. */
export function buildWithLibrary(scope: Construct, workloads: number): void {
  for (let i = 0; i < workloads; i++) {
    const identity = new UserAssignedIdentity(scope, `W${i}`, { name: `id-workload-${i}`, resourceGroupName: 'rg-bench', location: 'westeurope' });
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) {
      identity.addFederatedCredential(`K${j}`, Trust.kubernetes({ issuerUrl: ISSUER, namespace: `ns-${i}`, serviceAccountName: `sa-${j}` }));
    }
    identity.grantGraphAppRoles('Graph', PERMISSIONS.map(([name]) => name));
  }
}

/** B: hand-written L1 code producing the same resources. */
export function buildHandWritten(scope: Construct, workloads: number): void {
  const graph = new DataAzureadServicePrincipal(scope, 'MicrosoftGraphServicePrincipal', { clientId: '00000003-0000-0000-c000-000000000000' });
  for (let i = 0; i < workloads; i++) {
    const identity = new L1UserAssignedIdentity(scope, `W${i}`, { name: `id-workload-${i}`, resourceGroupName: 'rg-bench', location: 'westeurope' });
    let previous: FederatedIdentityCredential | undefined;
    for (let j = 0; j < CREDENTIALS_PER_WORKLOAD; j++) {
      previous = new FederatedIdentityCredential(scope, `W${i}K${j}`, {
        name: `k8s-ns-${i}-sa-${j}`,
        resourceGroupName: 'rg-bench',
        parentId: identity.id,
        issuer: ISSUER,
        subject: `system:serviceaccount:ns-${i}:sa-${j}`,
        audience: ['api://AzureADTokenExchange'],
        dependsOn: previous ? [previous] : undefined,
      });
    }
    for (const [name, id] of PERMISSIONS) {
      new AppRoleAssignment(scope, `W${i}${name}`, { appRoleId: id, principalObjectId: identity.principalId, resourceObjectId: graph.objectId });
    }
  }
}
