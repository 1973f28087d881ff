import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';

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
 * How Terraform (or any workload) can sign in as a principal, as the principal itself knows it.
 * Provider auth reads this instead of asking what kind of principal it was given.
 */
export interface SignInProfile {
  /**
   * The client ID to present, when the library knows it.
   * @default - unknown: a system-assigned identity is chosen by the machine it belongs to
   */
  readonly clientId?: string;
  /** Whether Azure compute can wear the principal, so that it signs in through IMDS. */
  readonly viaManagedIdentity: boolean;
  /** Whether the principal can hold federated identity credentials, so that a token can be exchanged for it. */
  readonly viaFederation: boolean;
}

/**
 * An Entra principal: anything with a service principal that can be granted permissions.
 *
 * The leaf of the library's vocabulary: grants, credentials, provider auth and the trust report
 * depend on this interface, never on the classes that implement it.
 */
export interface IEntraPrincipal extends IConstruct {
  /**
   * Object ID of the principal's service principal in Entra ID (what `principalId` means on
   * managed identities, and `object_id` on `azuread_service_principal`).
   */
  readonly principalId: string;

  /** The Entra tenant the principal lives in. */
  readonly tenantId: string;

  /**
   * What kind of principal this is: for people (reports and messages), and for the one Entra rule
   * stated in kinds (only an app registration accepts a managed identity as its credential).
   */
  readonly principalKind: PrincipalKind;

  /** How a workload signs in as this principal. */
  readonly signIn: SignInProfile;

  /** A name for people: the identity's name or the app's display name (a token when only Terraform knows it). */
  readonly displayName: string;
}

/**
 * Anything that can be granted permissions: a principal, or a construct that stands for one (a
 * `KeylessWorkload`). The library's counterpart of AWS CDK's `IGrantable`.
 */
export interface IGrantable {
  /** The principal that receives what is granted. */
  readonly grantPrincipal: IEntraPrincipal;
}

/** The settings of one federated identity credential, as a target needs them to write it. */
export interface CredentialSettings {
  /** The credential's name. */
  readonly name: string;
  /** The token's required `iss` claim. */
  readonly issuer: string;
  /** The token's required `sub` claim. */
  readonly subject: string;
  /** The token's required `aud` claim. */
  readonly audience: string;
  /** A description, where the resource has one. */
  readonly description: string;
}

/** The settings of one flexible federated identity credential, as an app registration needs them to write it. */
export interface FlexibleCredentialSettings {
  /** The credential's name. */
  readonly name: string;
  /** The token's required `iss` claim. */
  readonly issuer: string;
  /** The claims-matching expression the token must satisfy, e.g. `claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*'`. */
  readonly claimsMatchingExpression: string;
  /** The token's required `aud` claim. */
  readonly audience: string;
  /** A description. */
  readonly description: string;
}

/**
 * A principal that can trust an external OIDC token through federated identity credentials. Each
 * target writes its own credential resource (as cdk8s-plus subjects render their own binding),
 * so a credential never needs to know which kind of target it was given.
 */
export interface ICredentialTarget extends IEntraPrincipal {
  /** The client (application) ID a workload presents when it exchanges its token. */
  readonly clientId: string;

  /**
   * Writes the Terraform resource of one credential of this target.
   *
   * @param owner the construct the resource belongs to (the credential construct)
   * @param settings what the credential trusts
   * @param after the target's previous credential in the same stack, for targets that Azure cannot write to concurrently
   */
  bindCredential(owner: IConstruct, settings: CredentialSettings, after?: TerraformResource): TerraformResource;
}

/**
 * A target that can also trust a pattern of tokens through flexible federated identity credentials:
 * only app registrations (Microsoft Entra supports no flexible credential on managed identities).
 */
export interface IFlexibleCredentialTarget extends ICredentialTarget {
  /**
   * Writes the Terraform resource of one flexible credential of this target.
   *
   * @param owner the construct the resource belongs to (the credential construct)
   * @param settings the pattern the credential trusts
   */
  bindFlexibleCredential(owner: IConstruct, settings: FlexibleCredentialSettings): TerraformResource;
}
