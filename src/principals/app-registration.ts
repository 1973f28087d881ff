import { Construct } from 'constructs';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { DataAzureadApplication } from '@cdktf/provider-azuread/lib/data-azuread-application';
import { DataAzureadServicePrincipal } from '@cdktf/provider-azuread/lib/data-azuread-service-principal';
import { ValidationError } from '../private/errors';
import { check } from '../private/validate';
import { AppRoleGrant } from '../permissions/app-role-grant';
import { DelegatedPermissionGrant } from '../permissions/delegated-permission-grant';
import { FIRST_PARTY_APP_IDS } from '../permissions/graph-catalog';
import { lookupAppRole, lookupDelegatedScope } from '../permissions/graph-permissions';
import { clientIdRule, displayNameRule, objectIdRule, principalIdRule, tenantIdRule } from '../private/rules';
import { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import { FlexibleFederatedCredential } from '../federation/flexible-federated-credential';
import type { FlexibleTrust } from '../federation/flexible-trust';
import type { Trust } from '../federation/trust';
import { IFederatedIdentityTarget, PrincipalKind } from './principal';
import { PrincipalBase } from './principal-base';

/** An Entra app registration with a service principal. */
export interface IAppRegistration extends IFederatedIdentityTarget {
  /** The application's resource ID in azuread v3, `/applications/{objectId}`. */
  readonly applicationId: string;
  /** The application object's object ID. */
  readonly objectId: string;

  /**
   * Trusts every token that matches a pattern: adds a flexible federated identity credential.
   *
   * @param id construct id of the credential, under this app
   * @param trust the pattern to accept (see the `FlexibleTrust` factories)
   */
  addFlexibleFederatedCredential(id: string, trust: FlexibleTrust, options?: FederatedCredentialOptions): FlexibleFederatedCredential;
}

/** Which accounts may sign in to an app registration (`signInAudience` in Entra ID). */
export enum SignInAudience {
  /** Accounts in this tenant only. The right choice for automation identities. */
  SINGLE_TENANT = 'AzureADMyOrg',
  /**
   * Accounts in any Entra tenant. Azure DevOps service connections using the Entra issuer
   * reject multi-tenant apps (AADSTS70052).
   */
  MULTI_TENANT = 'AzureADMultipleOrgs',
  /** Accounts in any Entra tenant and personal Microsoft accounts. */
  MULTI_TENANT_AND_PERSONAL = 'AzureADandPersonalMicrosoftAccount',
  /** Personal Microsoft accounts only. */
  PERSONAL = 'PersonalMicrosoftAccount',
}

/** Microsoft Graph permissions an app registration declares and is consented to. */
export interface ApiPermissions {
  /**
   * Application permissions (app roles), e.g. `DeviceManagementConfiguration.Read.All`: declared
   * and granted with admin consent.
   * @default - none
   */
  readonly applicationPermissions?: string[];
  /**
   * Delegated permissions (scopes), e.g. `User.Read`: declared and consented for all users.
   * @default - none
   */
  readonly delegatedPermissions?: string[];
  /**
   * Allow tier-0 application permissions (see `PrivilegeTier`).
   * @default false
   */
  readonly allowPrivileged?: boolean;
}

/** Properties of a new app registration. */
export interface AppRegistrationProps {
  /** The app's display name in Entra ID, e.g. `terraform-intune-ci`. */
  readonly displayName: string;
  /**
   * Object IDs of the users or service principals that own the app and its service principal.
   * @default - the principal that runs Terraform becomes the owner (azuread's behaviour)
   */
  readonly owners?: string[];
  /**
   * Who may sign in to the app.
   * @default SignInAudience.SINGLE_TENANT
   */
  readonly signInAudience?: SignInAudience;
  /**
   * A description shown on the app registration.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Tags on the application object (Entra tags are plain strings, not key/value pairs).
   * @default - no tags
   */
  readonly tags?: string[];
  /**
   * Microsoft Graph permissions to declare on the app (`required_resource_access`, so the portal
   * shows them as configured) and to consent to (app role assignments for application permissions,
   * a delegated permission grant for delegated ones), as `az ad app permission add` followed by
   * `az ad app permission admin-consent`.
   * @default - no API permissions
   */
  readonly apiPermissions?: ApiPermissions;
}

/** The attributes of an existing app registration, for `AppRegistration.fromAttributes`. */
export interface AppRegistrationAttributes {
  /** The application object's object ID (not the client ID). */
  readonly objectId: string;
  /** The application (client) ID. */
  readonly clientId: string;
  /** Object ID of the app's service principal in this tenant. */
  readonly principalId: string;
  /** The tenant the app is registered in. */
  readonly tenantId: string;
}

/** How to find an existing app registration, for `AppRegistration.fromLookup`. */
export interface AppRegistrationLookupOptions {
  /** The application (client) ID. */
  readonly clientId: string;
}

abstract class AppRegistrationBase extends PrincipalBase implements IAppRegistration {
  public abstract readonly clientId: string;
  public abstract readonly objectId: string;
  public abstract readonly applicationId: string;
  public abstract readonly principalId: string;
  public abstract readonly tenantId: string;
  /** Always `PrincipalKind.APPLICATION`. */
  public readonly principalKind = PrincipalKind.APPLICATION;

  /** Trusts a workload's OIDC token: adds an `azuread_application_federated_identity_credential` for `trust`. */
  public addFederatedCredential(id: string, trust: Trust, options: FederatedCredentialOptions = {}): FederatedCredential {
    return new FederatedCredential(this, id, { ...options, target: this, trust });
  }

  /** Trusts every token matching a pattern: adds an `azuread_application_flexible_federated_identity_credential`. */
  public addFlexibleFederatedCredential(id: string, trust: FlexibleTrust, options: FederatedCredentialOptions = {}): FlexibleFederatedCredential {
    return new FlexibleFederatedCredential(this, id, { ...options, target: this, trust });
  }
}

/**
 * An Entra app registration with its service principal: `azuread_application` plus
 * `azuread_service_principal`, as `az ad app create` and `az ad sp create` would make them.
 *
 * The library never adds a password or certificate to it; workloads sign in through federated
 * identity credentials.
 *
 * @example
 * const app = new AppRegistration(stack, 'Ci', { displayName: 'terraform-intune-ci' });
 */
export class AppRegistration extends AppRegistrationBase {
  /** Refers to an app registration managed elsewhere by its known IDs. Emits nothing. */
  public static fromAttributes(scope: Construct, id: string, attrs: AppRegistrationAttributes): IAppRegistration {
    return new ImportedAppRegistration(scope, id, attrs);
  }

  /**
   * Refers to an existing app registration by client ID, read at plan time through the
   * `azuread_application` and `azuread_service_principal` data sources.
   */
  public static fromLookup(scope: Construct, id: string, options: AppRegistrationLookupOptions): IAppRegistration {
    return new LookedUpAppRegistration(scope, id, options);
  }

  /** The underlying `azuread_application` (escape hatch). */
  public readonly application: Application;
  /** The underlying `azuread_service_principal` (escape hatch). */
  public readonly servicePrincipal: ServicePrincipal;
  /** The app's display name. */
  public readonly displayName: string;
  /** The application (client) ID. */
  public readonly clientId: string;
  /** The application object's object ID. */
  public readonly objectId: string;
  /**
   * The application's resource ID in azuread v3, `/applications/{objectId}`: what other azuread
   * resources take as `application_id`.
   */
  public readonly applicationId: string;
  /** Object ID of the app's service principal: the principal permissions are granted to. */
  public readonly principalId: string;
  /** The tenant the app is registered in. */
  public readonly tenantId: string;

  constructor(scope: Construct, id: string, props: AppRegistrationProps) {
    super(scope, id);
    check(this, 'displayName', props.displayName, displayNameRule);
    props.owners?.forEach((owner, i) => check(this, `owners[${i}]`, owner, objectIdRule));

    const declared = this.declaredAccess(props.apiPermissions ?? {});
    this.application = new Application(this, 'Resource', {
      displayName: props.displayName,
      owners: props.owners,
      signInAudience: props.signInAudience ?? SignInAudience.SINGLE_TENANT,
      description: props.description,
      tags: props.tags,
      requiredResourceAccess: declared.length
        ? [{ resourceAppId: FIRST_PARTY_APP_IDS.MICROSOFT_GRAPH, resourceAccess: declared }]
        : undefined,
    });
    this.servicePrincipal = new ServicePrincipal(this, 'ServicePrincipal', {
      clientId: this.application.clientId,
      owners: props.owners,
    });

    this.displayName = props.displayName;
    this.clientId = this.application.clientId;
    this.objectId = this.application.objectId;
    this.applicationId = this.application.id;
    this.principalId = this.servicePrincipal.objectId;
    this.tenantId = this.servicePrincipal.applicationTenantId;

    const { applicationPermissions = [], delegatedPermissions = [], allowPrivileged } = props.apiPermissions ?? {};
    if (applicationPermissions.length) {
      new AppRoleGrant(this, 'ApiPermissions', { principal: this, permissions: applicationPermissions, allowPrivileged });
    }
    if (delegatedPermissions.length) {
      new DelegatedPermissionGrant(this, 'DelegatedPermissions', { principal: this, scopes: delegatedPermissions });
    }
  }

  /** The `resource_access` entries of the declared Graph permissions; unknown names fail here. */
  private declaredAccess(permissions: ApiPermissions): Array<{ id: string; type: string }> {
    const entries = [
      ...(permissions.applicationPermissions ?? []).map((name) => ({ name, type: 'Role', found: lookupAppRole(name) })),
      ...(permissions.delegatedPermissions ?? []).map((name) => ({ name, type: 'Scope', found: lookupDelegatedScope(name) })),
    ];
    return entries.map(({ name, type, found }) => {
      if (!('id' in found)) {
        const property = type === 'Role' ? 'apiPermissions.applicationPermissions' : 'apiPermissions.delegatedPermissions';
        throw new ValidationError(this, `invalid ${property} entry ${JSON.stringify(name)}: ${found.problem}. Fix: ${found.fix}.`);
      }
      return { id: found.id, type };
    });
  }

}

class ImportedAppRegistration extends AppRegistrationBase {
  public readonly clientId: string;
  public readonly objectId: string;
  public readonly applicationId: string;
  public readonly principalId: string;
  public readonly tenantId: string;

  constructor(scope: Construct, id: string, attrs: AppRegistrationAttributes) {
    super(scope, id);
    check(this, 'objectId', attrs.objectId, objectIdRule);
    check(this, 'clientId', attrs.clientId, clientIdRule);
    check(this, 'principalId', attrs.principalId, principalIdRule);
    check(this, 'tenantId', attrs.tenantId, tenantIdRule);
    this.clientId = attrs.clientId;
    this.objectId = attrs.objectId;
    this.applicationId = `/applications/${attrs.objectId}`;
    this.principalId = attrs.principalId;
    this.tenantId = attrs.tenantId;
  }
}

class LookedUpAppRegistration extends AppRegistrationBase {
  public readonly clientId: string;
  public readonly objectId: string;
  public readonly applicationId: string;
  public readonly principalId: string;
  public readonly tenantId: string;

  constructor(scope: Construct, id: string, options: AppRegistrationLookupOptions) {
    super(scope, id);
    check(this, 'clientId', options.clientId, clientIdRule);
    const application = new DataAzureadApplication(this, 'Resource', { clientId: options.clientId });
    const servicePrincipal = new DataAzureadServicePrincipal(this, 'ServicePrincipal', { clientId: options.clientId });
    this.clientId = options.clientId;
    this.objectId = application.objectId;
    this.applicationId = application.id;
    this.principalId = servicePrincipal.objectId;
    this.tenantId = servicePrincipal.applicationTenantId;
  }
}
