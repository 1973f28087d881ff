import { Construct, IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import type { Application } from '@cdktf/provider-azuread/lib/application';
import type { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { CredentialSettings, FlexibleCredentialSettings, IFlexibleCredentialTarget, PrincipalKind, SignInProfile } from '../core/principal';
import { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import { FlexibleFederatedCredential } from '../federation/flexible-federated-credential';
import type { FlexibleTrust } from '../federation/flexible-trust';
import type { Trust } from '../federation/trust';
import { AppRoleGrant } from '../permissions/app-role-grant';
import { DelegatedPermissionGrant } from '../permissions/delegated-permission-grant';
import { WellKnownApp, lookupAppRole, lookupDelegatedScope } from '../permissions/graph-permissions';
import { check, invalid, throwProblems } from '../private/problems';
import { checkedArgs, conform, enumProblems, listProblems, pathFor, requiredProblems } from '../private/shape';
import { appDescriptionRule, clientIdRule, displayNameRule, lowerGuid, objectIdRule, principalIdRule, tenantIdRule } from '../private/rules';
import { IFederatedIdentityTarget } from './principal';
import { PrincipalBase } from './principal-base';
import { azuread } from '../private/lazy-modules';

/** An Entra app registration with a service principal. */
export interface IAppRegistration extends IFederatedIdentityTarget, IFlexibleCredentialTarget {
  /**
   * The application's resource ID in azuread v3, `/applications/{objectId}`: what other azuread
   * resources take as `application_id`. Not the client ID, which Entra calls the application ID.
   */
  readonly applicationResourceId: string;
  /** The application object's object ID. */
  readonly objectId: string;

  /**
   * Trusts every token that matches a pattern: adds a flexible federated identity credential.
   *
   * @param id construct id of the credential, under this app
   * @param trust the pattern to accept (see the `FlexibleTrust` factories)
   * @param options the credential's name
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
   * A description shown on the app registration, at most 1,024 characters.
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

/** Everything an app registration is, whether created, given or looked up. */
interface AppRegistrationFacts {
  readonly clientId: string;
  readonly objectId: string;
  readonly applicationResourceId: string;
  readonly principalId: string;
  readonly tenantId: string;
  readonly displayName: string;
}

/** What created, given and looked-up apps share: their attributes, and how they write credentials. */
abstract class AppRegistrationBase extends PrincipalBase implements IAppRegistration {
  public readonly clientId: string;
  public readonly objectId: string;
  public readonly applicationResourceId: string;
  public readonly principalId: string;
  public readonly tenantId: string;
  public readonly displayName: string;
  /** Always `PrincipalKind.APPLICATION`. */
  public readonly principalKind = PrincipalKind.APPLICATION;
  /** Federated only: an app is never worn by Azure compute. */
  public readonly signIn: SignInProfile;

  protected constructor(scope: Construct, id: string, facts: (self: AppRegistrationBase) => AppRegistrationFacts) {
    super(scope, id);
    const known = facts(this);
    this.clientId = known.clientId;
    this.objectId = known.objectId;
    this.applicationResourceId = known.applicationResourceId;
    this.principalId = known.principalId;
    this.tenantId = known.tenantId;
    this.displayName = known.displayName;
    this.signIn = { clientId: known.clientId, viaManagedIdentity: false, viaFederation: true };
  }

  /**
   * Trusts a workload's OIDC token: adds an `azuread_application_federated_identity_credential` for `trust`.
   *
   * @param id construct id of the credential, under this app
   * @param trust the issuer, subject and audience to accept (see the `Trust` factories)
   * @param options the credential's name
   */
  public addFederatedCredential(id: string, trust: Trust, options: FederatedCredentialOptions = {}): FederatedCredential {
    conform(pathFor(this, id), 'AppRegistration.addFederatedCredential', [id, trust, options]);
    return new FederatedCredential(this, id, { ...options, target: this, trust });
  }

  /**
   * Trusts every token matching a pattern: adds an `azuread_application_flexible_federated_identity_credential`.
   *
   * @param id construct id of the credential, under this app
   * @param trust the pattern to accept (see the `FlexibleTrust` factories)
   * @param options the credential's name
   */
  public addFlexibleFederatedCredential(id: string, trust: FlexibleTrust, options: FederatedCredentialOptions = {}): FlexibleFederatedCredential {
    conform(pathFor(this, id), 'AppRegistration.addFlexibleFederatedCredential', [id, trust, options]);
    return new FlexibleFederatedCredential(this, id, { ...options, target: this, trust });
  }

  /**
   * Writes an `azuread_application_federated_identity_credential`. Entra accepts concurrent writes
   * to an app, so `after` is not used.
   *
   * @param owner the credential construct
   * @param settings what the credential trusts
   * @param _after the app's previous credential (not needed)
   */
  public bindCredential(owner: IConstruct, settings: CredentialSettings, _after?: TerraformResource): TerraformResource {
    conform(this.node.path, 'AppRegistration.bindCredential', [owner, settings, _after]);
    return new (azuread.applicationFederatedIdentityCredential().ApplicationFederatedIdentityCredential)(owner, 'Resource', {
      applicationId: this.applicationResourceId, displayName: settings.name, description: settings.description,
      issuer: settings.issuer, subject: settings.subject, audiences: [settings.audience],
    });
  }

  /**
   * Writes one flexible credential of this app (`azuread_application_flexible_federated_identity_credential`).
   *
   * @param owner the credential construct the resource belongs to
   * @param settings the pattern the credential trusts
   */
  public bindFlexibleCredential(owner: IConstruct, settings: FlexibleCredentialSettings): TerraformResource {
    conform(this.node.path, 'AppRegistration.bindFlexibleCredential', [owner, settings]);
    return new (azuread.applicationFlexibleFederatedIdentityCredential().ApplicationFlexibleFederatedIdentityCredential)(owner, 'Resource', {
      applicationId: this.applicationResourceId, displayName: settings.name, description: settings.description,
      issuer: settings.issuer, audience: settings.audience, claimsMatchingExpression: settings.claimsMatchingExpression,
    });
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
  /**
   * Refers to an app registration managed elsewhere by its known IDs. Emits nothing.
   *
   * @param scope the construct to define the reference in
   * @param id the reference's construct id
   * @param attrs the app's object ID, client ID, service principal object ID and tenant
   */
  public static fromAttributes(scope: Construct, id: string, attrs: AppRegistrationAttributes): IAppRegistration {
    return new AppRegistrationReference(checkedArgs('AppRegistration.fromAttributes', [scope, id]), id, (self) => {
      conform(self.node.path, 'AppRegistration.fromAttributes', [scope, id, attrs], 2);
      throwProblems(self, requiredProblems(attrs, ['objectId', 'clientId', 'principalId', 'tenantId'], 'AppRegistrationAttributes'));
      check(self, 'objectId', attrs.objectId, objectIdRule);
      check(self, 'clientId', attrs.clientId, clientIdRule);
      check(self, 'principalId', attrs.principalId, principalIdRule);
      check(self, 'tenantId', attrs.tenantId, tenantIdRule);
      const objectId = lowerGuid(attrs.objectId);
      return {
        objectId, clientId: lowerGuid(attrs.clientId), principalId: lowerGuid(attrs.principalId), tenantId: lowerGuid(attrs.tenantId),
        applicationResourceId: `/applications/${objectId}`, displayName: self.node.path,
      };
    });
  }

  /**
   * Refers to an existing app registration by client ID, read at plan time through the
   * `azuread_application` and `azuread_service_principal` data sources.
   *
   * @param scope the construct to define the reference in
   * @param id the reference's construct id
   * @param options the app's client ID
   */
  public static fromLookup(scope: Construct, id: string, options: AppRegistrationLookupOptions): IAppRegistration {
    return new AppRegistrationReference(checkedArgs('AppRegistration.fromLookup', [scope, id]), id, (self) => {
      conform(self.node.path, 'AppRegistration.fromLookup', [scope, id, options], 2);
      throwProblems(self, requiredProblems(options, ['clientId'], 'AppRegistrationLookupOptions'));
      check(self, 'clientId', options.clientId, clientIdRule);
      const application = new (azuread.dataApplication().DataAzureadApplication)(self, 'Resource', { clientId: options.clientId });
      const servicePrincipal = new (azuread.dataServicePrincipal().DataAzureadServicePrincipal)(self, 'ServicePrincipal', { clientId: options.clientId });
      return {
        clientId: options.clientId,
        objectId: application.objectId,
        applicationResourceId: application.id,
        principalId: servicePrincipal.objectId,
        tenantId: servicePrincipal.applicationTenantId,
        displayName: self.node.path,
      };
    });
  }

  /** The underlying `azuread_application` (escape hatch). */
  public readonly application: Application;
  /** The underlying `azuread_service_principal` (escape hatch). */
  public readonly servicePrincipal: ServicePrincipal;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AppRegistrationProps) {
    let created: { application: Application; servicePrincipal: ServicePrincipal } | undefined;
    super(checkedArgs('AppRegistration.constructor', [scope, id]), id, (self) => {
      conform(self.node.path, 'AppRegistration.constructor', [scope, id, props], 2);
      const api = props?.apiPermissions;
      throwProblems(self, [
        ...requiredProblems(props, ['displayName'], 'AppRegistrationProps'),
        ...enumProblems('signInAudience', props.signInAudience, SignInAudience, 'SignInAudience'),
        ...listProblems('owners', props.owners, '["00000000-0000-0000-0000-000000000000"]'),
        ...listProblems('tags', props.tags, '["terraform"]'),
        ...listProblems('apiPermissions.applicationPermissions', api?.applicationPermissions, '["User.Read.All"]'),
        ...listProblems('apiPermissions.delegatedPermissions', api?.delegatedPermissions, '["User.Read"]'),
      ]);
      check(self, 'displayName', props.displayName, displayNameRule);
      check(self, 'description', props.description, appDescriptionRule);
      props.owners?.forEach((owner, i) => check(self, `owners[${i}]`, owner, objectIdRule));
      const declared = declaredAccess(self, props.apiPermissions ?? {});
      const application = new (azuread.application().Application)(self, 'Resource', {
        displayName: props.displayName,
        owners: props.owners?.map((owner) => lowerGuid(owner)),
        signInAudience: props.signInAudience ?? SignInAudience.SINGLE_TENANT,
        description: props.description,
        tags: props.tags,
        requiredResourceAccess: declared.length
          ? [{ resourceAppId: WellKnownApp.MICROSOFT_GRAPH, resourceAccess: declared }]
          : undefined,
      });
      const servicePrincipal = new (azuread.servicePrincipal().ServicePrincipal)(self, 'ServicePrincipal', { clientId: application.clientId, owners: props.owners });
      created = { application, servicePrincipal };
      return {
        clientId: application.clientId,
        objectId: application.objectId,
        applicationResourceId: application.id,
        principalId: servicePrincipal.objectId,
        tenantId: servicePrincipal.applicationTenantId,
        displayName: props.displayName,
      };
    });
    this.application = created!.application;
    this.servicePrincipal = created!.servicePrincipal;

    const { applicationPermissions = [], delegatedPermissions = [], allowPrivileged } = props.apiPermissions ?? {};
    if (applicationPermissions.length) {
      new AppRoleGrant(this, 'ApiPermissions', { principal: this, permissions: applicationPermissions, allowPrivileged });
    }
    if (delegatedPermissions.length) {
      new DelegatedPermissionGrant(this, 'DelegatedPermissions', { principal: this, scopes: delegatedPermissions });
    }
  }
}

/** An app this stack does not create: given by its IDs, or read by data sources. */
class AppRegistrationReference extends AppRegistrationBase {
  constructor(scope: Construct, id: string, facts: (self: AppRegistrationBase) => AppRegistrationFacts) {
    super(scope, id, facts);
  }
}

/** The `resource_access` entries of the declared Graph permissions; unknown names fail here. */
function declaredAccess(scope: IConstruct, permissions: ApiPermissions): Array<{ id: string; type: string }> {
  const entries = [
    ...(permissions.applicationPermissions ?? []).map((name) => ({ name, type: 'Role', found: lookupAppRole(name) })),
    ...(permissions.delegatedPermissions ?? []).map((name) => ({ name, type: 'Scope', found: lookupDelegatedScope(name) })),
  ];
  return entries.map(({ name, type, found }) => {
    if (!('id' in found)) {
      const list = type === 'Role' ? 'applicationPermissions' : 'delegatedPermissions';
      throw invalid(scope, { property: `apiPermissions.${list} entry`, value: name, ...found });
    }
    return { id: found.id, type };
  });
}
