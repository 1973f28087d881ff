import { IConstruct } from 'constructs';
import type { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import type { Trust } from '../federation/trust';
import type { RequiredAppRoleGrant, RequiredGrantOptions } from '../least-privilege/required-app-role-grant';
import type { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import type { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';
import { ICredentialTarget, IEntraPrincipal, IGrantable } from '../core/principal';

/**
 * A principal with the library's grant methods: every identity and app registration, created or
 * referred to. The methods only wire the constructs of the permissions folder, which accept any
 * `IGrantable`.
 */
export interface IPrincipal extends IEntraPrincipal, IGrantable {
  /**
   * Grants Microsoft Graph application permissions by name, with admin consent: one
   * `azuread_app_role_assignment` per permission.
   *
   * @param id construct id of the grant, under this principal
   * @param permissions application permission names, e.g. `['User.Read.All']`
   * @param options tier-0 and unknown-permission opt-ins
   */
  grantGraphAppRoles(id: string, permissions: string[], options?: GrantOptions): AppRoleGrant;

  /**
   * Grants exactly the Microsoft Graph application permissions that the Terraform resources under
   * `scope` need (see `LeastPrivilege`), worked out when this principal's stack synthesizes.
   *
   * @param id construct id of the grant, under this principal
   * @param scope the configuration this principal runs: a stack, or any construct whose subtree holds resources
   * @param options the tier-0 opt-in
   */
  grantGraphAppRolesRequiredBy(id: string, scope: IConstruct, options?: RequiredGrantOptions): RequiredAppRoleGrant;

  /**
   * Grants an Azure RBAC role on a scope (`azurerm_role_assignment`).
   *
   * @param id construct id of the assignment, under this principal
   * @param options the ARM scope and the role
   */
  grantAzureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment;
}

/**
 * A principal that can trust an external OIDC token through federated identity credentials:
 * a user-assigned identity or an app registration (never a system-assigned identity).
 */
export interface IFederatedIdentityTarget extends IPrincipal, ICredentialTarget {
  /**
   * Trusts a workload's OIDC token: adds a federated identity credential for `trust`.
   *
   * @param id construct id of the credential, under this identity
   * @param trust the issuer, subject and audience to accept (see the `Trust` factories)
   * @param options the credential's name
   */
  addFederatedCredential(id: string, trust: Trust, options?: FederatedCredentialOptions): FederatedCredential;
}
