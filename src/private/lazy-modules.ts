/* eslint-disable @typescript-eslint/no-require-imports */
// The modules the library creates resources from, and yaml, loaded when a construct first needs
// them rather than when the library is imported: an app that never creates an app registration
// never loads azuread's application module (one of the largest). Node caches each module after its
// first require. Type positions import these modules with `import type`, which loads nothing.
import type * as AppRoleAssignment from '@cdktf/provider-azuread/lib/app-role-assignment';
import type * as Application from '@cdktf/provider-azuread/lib/application';
import type * as ApplicationFederatedIdentityCredential from '@cdktf/provider-azuread/lib/application-federated-identity-credential';
import type * as ApplicationFlexibleFederatedIdentityCredential from '@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential';
import type * as DataAzureadApplication from '@cdktf/provider-azuread/lib/data-azuread-application';
import type * as DataAzureadServicePrincipal from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import type * as AzureadProvider from '@cdktf/provider-azuread/lib/provider';
import type * as ServicePrincipal from '@cdktf/provider-azuread/lib/service-principal';
import type * as ServicePrincipalDelegatedPermissionGrant from '@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant';
import type * as DataAzurermUserAssignedIdentity from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import type * as FederatedIdentityCredential from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import type * as AzurermProvider from '@cdktf/provider-azurerm/lib/provider';
import type * as RoleAssignment from '@cdktf/provider-azurerm/lib/role-assignment';
import type * as UserAssignedIdentity from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type * as Yaml from 'yaml';

/** The azuread prebuilt provider's deep modules (never its index). */
export const azuread = {
  appRoleAssignment: (): typeof AppRoleAssignment => require('@cdktf/provider-azuread/lib/app-role-assignment'),
  application: (): typeof Application => require('@cdktf/provider-azuread/lib/application'),
  applicationFederatedIdentityCredential: (): typeof ApplicationFederatedIdentityCredential =>
    require('@cdktf/provider-azuread/lib/application-federated-identity-credential'),
  applicationFlexibleFederatedIdentityCredential: (): typeof ApplicationFlexibleFederatedIdentityCredential =>
    require('@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential'),
  dataApplication: (): typeof DataAzureadApplication => require('@cdktf/provider-azuread/lib/data-azuread-application'),
  dataServicePrincipal: (): typeof DataAzureadServicePrincipal => require('@cdktf/provider-azuread/lib/data-azuread-service-principal'),
  provider: (): typeof AzureadProvider => require('@cdktf/provider-azuread/lib/provider'),
  servicePrincipal: (): typeof ServicePrincipal => require('@cdktf/provider-azuread/lib/service-principal'),
  servicePrincipalDelegatedPermissionGrant: (): typeof ServicePrincipalDelegatedPermissionGrant =>
    require('@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant'),
};

/** The azurerm prebuilt provider's deep modules (never its index). */
export const azurerm = {
  dataUserAssignedIdentity: (): typeof DataAzurermUserAssignedIdentity => require('@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity'),
  federatedIdentityCredential: (): typeof FederatedIdentityCredential => require('@cdktf/provider-azurerm/lib/federated-identity-credential'),
  provider: (): typeof AzurermProvider => require('@cdktf/provider-azurerm/lib/provider'),
  roleAssignment: (): typeof RoleAssignment => require('@cdktf/provider-azurerm/lib/role-assignment'),
  userAssignedIdentity: (): typeof UserAssignedIdentity => require('@cdktf/provider-azurerm/lib/user-assigned-identity'),
};

/** yaml, for the Kubernetes manifests. */
export function yaml(): typeof Yaml {
  return require('yaml');
}
