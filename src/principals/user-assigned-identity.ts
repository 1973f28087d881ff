import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { UserAssignedIdentity as UserAssignedIdentityResource } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { check, isLiteral } from '../private/validate';
import {
  clientIdRule, identityNameRule, identityResourceIdRule, locationRule, parseIdentityResourceId,
  principalIdRule, resourceGroupNameRule, tenantIdRule,
} from '../private/rules';
import { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import type { Trust } from '../federation/trust';
import { IFederatedIdentityTarget, PrincipalKind } from './principal';
import { PrincipalBase } from './principal-base';

/** A user-assigned managed identity, created here or imported. */
export interface IUserAssignedIdentity extends IFederatedIdentityTarget {
  /** ARM resource ID: `/subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}`. */
  readonly resourceId: string;
  /** The identity's name. */
  readonly name: string;
  /** The resource group that holds the identity (federated credentials are written there). */
  readonly resourceGroupName: string;
}

/** Properties of a new user-assigned managed identity. */
export interface UserAssignedIdentityProps {
  /**
   * The identity's name: 3 to 128 letters, digits, `-` or `_`, starting with a letter or digit.
   * It is part of the resource ID, so changing it replaces the identity.
   */
  readonly name: string;
  /** The existing resource group to create the identity in. */
  readonly resourceGroupName: string;
  /**
   * The Azure region, e.g. `westeurope`. Federated credentials are not offered in every region;
   * Azure answers 405 "Support for federated identity credentials not enabled" in those.
   */
  readonly location: string;
  /**
   * Tags for the identity resource.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** The attributes of an existing user-assigned identity, for `UserAssignedIdentity.fromAttributes`. */
export interface UserAssignedIdentityAttributes {
  /** ARM resource ID of the identity. */
  readonly resourceId: string;
  /** The identity's client ID. */
  readonly clientId: string;
  /** The identity's principal (service principal object) ID. */
  readonly principalId: string;
  /** The identity's tenant ID. */
  readonly tenantId: string;
}

/** How to find an existing user-assigned identity, for `UserAssignedIdentity.fromLookup`. */
export interface UserAssignedIdentityLookupOptions {
  /** The identity's name. */
  readonly name: string;
  /** The resource group that holds it. */
  readonly resourceGroupName: string;
}

abstract class UserAssignedIdentityBase extends PrincipalBase implements IUserAssignedIdentity {
  public abstract readonly resourceId: string;
  public abstract readonly clientId: string;
  public abstract readonly principalId: string;
  public abstract readonly tenantId: string;
  public abstract readonly name: string;
  public abstract readonly resourceGroupName: string;
  /** Always `PrincipalKind.USER_ASSIGNED_IDENTITY`. */
  public readonly principalKind = PrincipalKind.USER_ASSIGNED_IDENTITY;

  /**
   * Trusts a workload's OIDC token: adds an `azurerm_federated_identity_credential` for `trust`,
   * after this identity's previous credential (Azure rejects concurrent writes to one identity).
   */
  public addFederatedCredential(id: string, trust: Trust, options: FederatedCredentialOptions = {}): FederatedCredential {
    return new FederatedCredential(this, id, { ...options, target: this, trust });
  }
}

/**
 * A user-assigned managed identity (`azurerm_user_assigned_identity`): an Entra principal that
 * Azure compute can wear, and that external workloads can federate into.
 *
 * @example
 * const identity = new UserAssignedIdentity(stack, 'Intune', {
 *   name: 'id-intune-ci', resourceGroupName: 'rg-identity', location: 'westeurope',
 * });
 */
export class UserAssignedIdentity extends UserAssignedIdentityBase {
  /**
   * Refers to an identity managed elsewhere by its known attributes. Emits nothing.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: UserAssignedIdentityAttributes): IUserAssignedIdentity {
    return new ImportedUserAssignedIdentity(scope, id, attrs);
  }

  /**
   * Refers to an existing identity by name, read at plan time through an
   * `azurerm_user_assigned_identity` data source.
   */
  public static fromLookup(scope: Construct, id: string, options: UserAssignedIdentityLookupOptions): IUserAssignedIdentity {
    return new LookedUpUserAssignedIdentity(scope, id, options);
  }

  /** The underlying `azurerm_user_assigned_identity` resource (escape hatch). */
  public readonly resource: UserAssignedIdentityResource;
  /** ARM resource ID, `/subscriptions/.../userAssignedIdentities/{name}` (known after apply). */
  public readonly resourceId: string;
  /** The client ID workloads present (known after apply). */
  public readonly clientId: string;
  /** Object ID of the identity's service principal, the principal permissions are granted to (known after apply). */
  public readonly principalId: string;
  /** The identity's tenant (known after apply). */
  public readonly tenantId: string;
  /** The identity's name. */
  public readonly name: string;
  /** The resource group that holds the identity. */
  public readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: UserAssignedIdentityProps) {
    super(scope, id);
    check(this, 'name', props.name, identityNameRule);
    check(this, 'resourceGroupName', props.resourceGroupName, resourceGroupNameRule);
    check(this, 'location', props.location, locationRule);

    this.resource = new UserAssignedIdentityResource(this, 'Resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
    });
    this.resourceId = this.resource.id;
    this.clientId = this.resource.clientId;
    this.principalId = this.resource.principalId;
    this.tenantId = this.resource.tenantId;
    this.name = props.name;
    this.resourceGroupName = props.resourceGroupName;
  }
}

class ImportedUserAssignedIdentity extends UserAssignedIdentityBase {
  public readonly resourceId: string;
  public readonly clientId: string;
  public readonly principalId: string;
  public readonly tenantId: string;
  public readonly name: string;
  public readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, attrs: UserAssignedIdentityAttributes) {
    super(scope, id);
    check(this, 'resourceId', attrs.resourceId, identityResourceIdRule);
    check(this, 'clientId', attrs.clientId, clientIdRule);
    check(this, 'principalId', attrs.principalId, principalIdRule);
    check(this, 'tenantId', attrs.tenantId, tenantIdRule);
    this.resourceId = attrs.resourceId;
    this.clientId = attrs.clientId;
    this.principalId = attrs.principalId;
    this.tenantId = attrs.tenantId;

    // A literal ID is parsed now; a token is split by Terraform at plan time.
    const parsed = isLiteral(attrs.resourceId) ? parseIdentityResourceId(attrs.resourceId) : undefined;
    this.name = parsed?.name ?? Fn.element(Fn.split('/', attrs.resourceId), 8);
    this.resourceGroupName = parsed?.resourceGroupName ?? Fn.element(Fn.split('/', attrs.resourceId), 4);
  }
}

class LookedUpUserAssignedIdentity extends UserAssignedIdentityBase {
  public readonly resourceId: string;
  public readonly clientId: string;
  public readonly principalId: string;
  public readonly tenantId: string;
  public readonly name: string;
  public readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, options: UserAssignedIdentityLookupOptions) {
    super(scope, id);
    check(this, 'name', options.name, identityNameRule);
    check(this, 'resourceGroupName', options.resourceGroupName, resourceGroupNameRule);
    const data = new DataAzurermUserAssignedIdentity(this, 'Resource', {
      name: options.name,
      resourceGroupName: options.resourceGroupName,
    });
    this.resourceId = data.id;
    this.clientId = data.clientId;
    this.principalId = data.principalId;
    this.tenantId = data.tenantId;
    this.name = options.name;
    this.resourceGroupName = options.resourceGroupName;
  }
}
