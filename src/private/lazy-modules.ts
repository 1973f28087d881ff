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

/**
 * A module required on its first use and held from then on. Node caches modules, but each `require`
 * of a cached one still resolves its name (for a package, against every node_modules folder up the
 * tree): a few microseconds that the hot paths would pay for every resource and every checked call.
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => loaded ??= load();
}

/** The azuread prebuilt provider's deep modules (never its index). */
export const azuread = {
  appRoleAssignment: onFirstUse((): typeof AppRoleAssignment => require('@cdktf/provider-azuread/lib/app-role-assignment')),
  application: onFirstUse((): typeof Application => require('@cdktf/provider-azuread/lib/application')),
  applicationFederatedIdentityCredential: onFirstUse((): typeof ApplicationFederatedIdentityCredential =>
    require('@cdktf/provider-azuread/lib/application-federated-identity-credential')),
  applicationFlexibleFederatedIdentityCredential: onFirstUse((): typeof ApplicationFlexibleFederatedIdentityCredential =>
    require('@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential')),
  dataApplication: onFirstUse((): typeof DataAzureadApplication => require('@cdktf/provider-azuread/lib/data-azuread-application')),
  dataServicePrincipal: onFirstUse((): typeof DataAzureadServicePrincipal => require('@cdktf/provider-azuread/lib/data-azuread-service-principal')),
  provider: onFirstUse((): typeof AzureadProvider => require('@cdktf/provider-azuread/lib/provider')),
  servicePrincipal: onFirstUse((): typeof ServicePrincipal => require('@cdktf/provider-azuread/lib/service-principal')),
  servicePrincipalDelegatedPermissionGrant: onFirstUse((): typeof ServicePrincipalDelegatedPermissionGrant =>
    require('@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant')),
};

/** The azurerm prebuilt provider's deep modules (never its index). */
export const azurerm = {
  dataUserAssignedIdentity: onFirstUse((): typeof DataAzurermUserAssignedIdentity => require('@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity')),
  federatedIdentityCredential: onFirstUse((): typeof FederatedIdentityCredential => require('@cdktf/provider-azurerm/lib/federated-identity-credential')),
  provider: onFirstUse((): typeof AzurermProvider => require('@cdktf/provider-azurerm/lib/provider')),
  roleAssignment: onFirstUse((): typeof RoleAssignment => require('@cdktf/provider-azurerm/lib/role-assignment')),
  userAssignedIdentity: onFirstUse((): typeof UserAssignedIdentity => require('@cdktf/provider-azurerm/lib/user-assigned-identity')),
};

/** yaml, for the Kubernetes manifests. */
export const yaml = onFirstUse((): typeof Yaml => require('yaml'));
