import { Construct, IConstruct } from 'constructs';
import { Fn, TerraformResource, TerraformStack, Token } from 'cdktf';
import type { UserAssignedIdentity as UserAssignedIdentityResource } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { CredentialSettings, PrincipalKind, SignInProfile } from '../core/principal';
import { FederatedCredential, FederatedCredentialOptions } from '../federation/federated-credential';
import type { Trust } from '../federation/trust';
import { check, describeProblem, isLiteral, throwProblems } from '../private/problems';
import {
  clientIdRule, identityNameRule, identityResourceIdRule, locationRule, lowerGuid, parseIdentityResourceId, tagProblems,
  principalIdRule, resourceGroupNameRule, tenantIdRule,
} from '../private/rules';
import { IFederatedIdentityTarget } from './principal';
import { PrincipalBase } from './principal-base';
import { checkedArgs, conform, pathFor, requiredProblems } from '../private/shape';
import { azurerm } from '../private/lazy-modules';
import { defaultProviders } from '../private/synthesis-memo';

/** A user-assigned managed identity, created here or referred to. */
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

/** The attributes of an identity as its resource, data source or given attributes hold them. */
interface IdentityAttributes {
  readonly id: string;
  readonly clientId: string;
  readonly principalId: string;
  readonly tenantId: string;
}

/** Everything a user-assigned identity is, whether created, given or looked up. */
interface UserAssignedIdentityFacts {
  /** Read on first use of each attribute. */
  readonly attributes: IdentityAttributes;
  readonly name: string;
  readonly resourceGroupName: string;
}

/**
 * What created, given and looked-up identities share: their attributes, and how they write a credential.
 *
 * Each attribute is read from the resource when first used, and once: every attribute read makes
 * cdktf create a token and capture a stack trace, and most identities never need their client ID
 * or tenant ID.
 */
abstract class UserAssignedIdentityBase extends PrincipalBase implements IUserAssignedIdentity {
  /** Always `PrincipalKind.USER_ASSIGNED_IDENTITY`. */
  public readonly principalKind = PrincipalKind.USER_ASSIGNED_IDENTITY;
  private facts?: UserAssignedIdentityFacts;
  private resourceIdRead?: string;
  private clientIdRead?: string;
  private principalIdRead?: string;
  private tenantIdRead?: string;
  private signInProfile?: SignInProfile;

  protected constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The identity's name. */
  public get name(): string {
    // Undefined, as a field would be, on an identity whose constructor threw and was caught.
    return this.facts?.name as string;
  }

  /** The resource group that holds the identity (federated credentials are written there). */
  public get resourceGroupName(): string {
    return this.facts?.resourceGroupName as string;
  }

  /**
   * What the subclass's constructor found out, told once, right after its checks. (The constructor
   * creates the resource itself rather than in a callback of this one: cdktf captures a full stack
   * trace for the resource and its parts, and each frame more is time and memory per identity.)
   * @internal
   */
  protected _know(facts: UserAssignedIdentityFacts): void {
    this.facts = facts;
  }

  /** What the constructor found; its attributes are read only once it has succeeded. */
  private get known(): UserAssignedIdentityFacts {
    return this.facts!;
  }

  /** ARM resource ID: `/subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}`. */
  public get resourceId(): string {
    return this.resourceIdRead ??= this.known.attributes.id;
  }

  /** The client (application) ID a workload presents when it exchanges its token. */
  public get clientId(): string {
    return this.clientIdRead ??= this.known.attributes.clientId;
  }

  public get principalId(): string {
    return this.principalIdRead ??= this.known.attributes.principalId;
  }

  public get tenantId(): string {
    return this.tenantIdRead ??= this.known.attributes.tenantId;
  }

  /** Worn by Azure compute through IMDS, chosen by its client ID; or federated. */
  public get signIn(): SignInProfile {
    return this.signInProfile ??= { clientId: this.clientId, viaManagedIdentity: true, viaFederation: true };
  }

  /** The identity's name. */
  public get displayName(): string {
    return this.name;
  }

  /**
   * Trusts a workload's OIDC token: adds an `azurerm_federated_identity_credential` for `trust`,
   * after this identity's previous credential (Azure rejects concurrent writes to one identity).
   *
   * @param id construct id of the credential, under this identity
   * @param trust the issuer, subject and audience to accept (see the `Trust` factories)
   * @param options the credential's name
   */
  public addFederatedCredential(id: string, trust: Trust, options: FederatedCredentialOptions = {}): FederatedCredential {
    conform(pathFor(this, id), 'UserAssignedIdentity.addFederatedCredential', [id, trust, options]);
    return new FederatedCredential(this, id, { ...options, target: this, trust });
  }

  /**
   * Writes an `azurerm_federated_identity_credential`, after `after` when given: Azure rejects
   * concurrent credential writes to one identity (409 ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity).
   *
   * @param owner the credential construct
   * @param settings what the credential trusts
   * @param after the identity's previous credential in the same stack
   */
  public bindCredential(owner: IConstruct, settings: CredentialSettings, after?: TerraformResource): TerraformResource {
    conform(this.node.path, 'UserAssignedIdentity.bindCredential', [owner, settings, after]);
    const parsed = isLiteral(this.resourceId) ? parseIdentityResourceId(this.resourceId) : undefined;
    if (parsed) owner.node.addValidation({ validate: () => subscriptionMismatch(owner, this.resourceId, parsed.subscriptionId) });
    const { FederatedIdentityCredential } = azurerm.federatedIdentityCredential();
    return new FederatedIdentityCredential(owner, 'Resource', {
      name: settings.name,
      resourceGroupName: this.resourceGroupName,
      parentId: this.resourceId,
      issuer: settings.issuer,
      subject: settings.subject,
      audience: [settings.audience],
      dependsOn: after ? [after] : undefined,
    });
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
   *
   * @param scope the construct to define the reference in
   * @param id the reference's construct id
   * @param attrs the identity's resource ID, client ID, principal ID and tenant ID
   */
  public static fromAttributes(scope: Construct, id: string, attrs: UserAssignedIdentityAttributes): IUserAssignedIdentity {
    return new UserAssignedIdentityReference(checkedArgs('UserAssignedIdentity.fromAttributes', [scope, id]), id, (self) => {
      conform(self.node.path, 'UserAssignedIdentity.fromAttributes', [scope, id, attrs], 2);
      throwProblems(self, requiredProblems(attrs, ['resourceId', 'clientId', 'principalId', 'tenantId'], 'UserAssignedIdentityAttributes'));
      check(self, 'resourceId', attrs.resourceId, identityResourceIdRule);
      check(self, 'clientId', attrs.clientId, clientIdRule);
      check(self, 'principalId', attrs.principalId, principalIdRule);
      check(self, 'tenantId', attrs.tenantId, tenantIdRule);
      // A literal ID is parsed now; a token is split by Terraform at plan time.
      const parsed = isLiteral(attrs.resourceId) ? parseIdentityResourceId(attrs.resourceId) : undefined;
      return {
        attributes: { id: attrs.resourceId, clientId: lowerGuid(attrs.clientId), principalId: lowerGuid(attrs.principalId), tenantId: lowerGuid(attrs.tenantId) },
        name: parsed?.name ?? Fn.element(Fn.split('/', attrs.resourceId), 8),
        resourceGroupName: parsed?.resourceGroupName ?? Fn.element(Fn.split('/', attrs.resourceId), 4),
      };
    });
  }

  /**
   * Refers to an existing identity by name, read at plan time through an
   * `azurerm_user_assigned_identity` data source.
   *
   * @param scope the construct to define the reference in
   * @param id the reference's construct id
   * @param options the identity's name and resource group
   */
  public static fromLookup(scope: Construct, id: string, options: UserAssignedIdentityLookupOptions): IUserAssignedIdentity {
    return new UserAssignedIdentityReference(checkedArgs('UserAssignedIdentity.fromLookup', [scope, id]), id, (self) => {
      conform(self.node.path, 'UserAssignedIdentity.fromLookup', [scope, id, options], 2);
      throwProblems(self, requiredProblems(options, ['name', 'resourceGroupName'], 'UserAssignedIdentityLookupOptions'));
      check(self, 'name', options.name, identityNameRule);
      check(self, 'resourceGroupName', options.resourceGroupName, resourceGroupNameRule);
      const { DataAzurermUserAssignedIdentity } = azurerm.dataUserAssignedIdentity();
      const data = new DataAzurermUserAssignedIdentity(self, 'Resource', { name: options.name, resourceGroupName: options.resourceGroupName });
      return { attributes: data, name: options.name, resourceGroupName: options.resourceGroupName };
    });
  }

  /** The underlying `azurerm_user_assigned_identity` resource (escape hatch). */
  public readonly resource: UserAssignedIdentityResource;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: UserAssignedIdentityProps) {
    super(checkedArgs('UserAssignedIdentity.constructor', [scope, id]), id);
    conform(this.node.path, 'UserAssignedIdentity.constructor', [scope, id, props], 2);
    throwProblems(this, requiredProblems(props, ['name', 'resourceGroupName', 'location'], 'UserAssignedIdentityProps'));
    check(this, 'name', props.name, identityNameRule);
    check(this, 'resourceGroupName', props.resourceGroupName, resourceGroupNameRule);
    check(this, 'location', props.location, locationRule);
    if (props.tags && !Token.isUnresolved(props.tags)) throwProblems(this, tagProblems(props.tags));
    this.resource = new (azurerm.userAssignedIdentity().UserAssignedIdentity)(this, 'Resource', {
      name: props.name, resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags,
    });
    this._know({ attributes: this.resource, name: props.name, resourceGroupName: props.resourceGroupName });
  }
}

/** An identity this stack does not create: given by its attributes, or read by a data source. */
class UserAssignedIdentityReference extends UserAssignedIdentityBase {
  constructor(scope: Construct, id: string, facts: (self: UserAssignedIdentityReference) => UserAssignedIdentityFacts) {
    super(scope, id);
    this._know(facts(this));
  }
}

/**
 * azurerm builds a federated credential's ID from the provider's subscription and the resource group,
 * not from parent_id (federated_identity_credential_resource.go in hashicorp/terraform-provider-azurerm
 * 4.55): an identity in another subscription than the stack's default azurerm provider breaks.
 */
function subscriptionMismatch(owner: IConstruct, resourceId: string, identitySubscription: string): string[] {
  const stack = TerraformStack.of(owner);
  return (defaultProviders(stack, azurerm.provider().AzurermProvider.tfResourceType) as AzurermProvider[])
    .map((provider) => provider.subscriptionId)
    .filter((subscription): subscription is string => isLiteral(subscription) && subscription.toLowerCase() !== identitySubscription.toLowerCase())
    .map((subscription) => describeProblem({
      property: 'target', value: resourceId,
      problem: `azurerm writes the credential into the provider's subscription (${subscription}), not the identity's (${identitySubscription})`,
      fix: `create the credential in a stack whose azurerm provider manages subscription ${identitySubscription}`,
    }));
}
