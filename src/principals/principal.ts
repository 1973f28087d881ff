import { IConstruct } from 'constructs';
import type { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import type { Trust } from '../federation/trust';
import type { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import type { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';

/** The kinds of Entra principal this library can grant permissions to. */
export enum PrincipalKind {
  /** A user-assigned managed identity (`Microsoft.ManagedIdentity/userAssignedIdentities`). */
  USER_ASSIGNED_IDENTITY = 'UserAssignedIdentity',
  /** The system-assigned managed identity of a compute resource (VM, App Service, Logic App, ...). */
  SYSTEM_ASSIGNED_IDENTITY = 'SystemAssignedIdentity',
  /** The service principal of an Entra app registration. */
  APPLICATION = 'Application',
}

/**
 * A principal that can be granted permissions: anything with a service principal in Entra ID.
 *
 * The library's counterpart of AWS CDK's `IGrantable`.
 */
export interface IPrincipal extends IConstruct {
  /**
   * Object ID of the principal's service principal in Entra ID (what `principalId` means on
   * managed identities, and `object_id` on `azuread_service_principal`).
   */
  readonly principalId: string;

  /** The Entra tenant the principal lives in. */
  readonly tenantId: string;

  /** What kind of principal this is; decides which credentials and provider auth methods fit it. */
  readonly principalKind: PrincipalKind;

  /**
   * Grants Microsoft Graph application permissions by name, with admin consent: one
   * `azuread_app_role_assignment` per permission.
   *
   * @param id construct id of the grant, under this principal
   * @param permissions application permission names, e.g. `['User.Read.All']`
   */
  grantGraphAppRoles(id: string, permissions: string[], options?: GrantOptions): AppRoleGrant;

  /**
   * Grants an Azure RBAC role on a scope (`azurerm_role_assignment`).
   *
   * @param id construct id of the assignment, under this principal
   */
  grantAzureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment;
}

/**
 * A principal that can trust an external OIDC token through federated identity credentials:
 * a user-assigned identity or an app registration (never a system-assigned identity).
 */
export interface IFederatedIdentityTarget extends IPrincipal {
  /** The client (application) ID a workload presents when it exchanges its token. */
  readonly clientId: string;

  /**
   * Trusts a workload's OIDC token: adds a federated identity credential for `trust`.
   *
   * @param id construct id of the credential, under this identity
   * @param trust the issuer, subject and audience to accept (see the `Trust` factories)
   */
  addFederatedCredential(id: string, trust: Trust, options?: FederatedCredentialOptions): FederatedCredential;
}
