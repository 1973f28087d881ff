import { Construct } from 'constructs';
import { Annotations, TerraformResource } from 'cdktf';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { ApplicationFederatedIdentityCredential } from '@cdktf/provider-azuread/lib/application-federated-identity-credential';
import { ValidationError } from '../private/errors';
import { credentialName, credentialNameProblems } from '../private/federation-rules';
import { assertCanHoldCredentials } from './checks';
import { Problem, throwProblems } from '../private/problems';
import { isLiteral } from '../private/validate';
import { validateAppBeforeWriting } from '../private/validate-app-first';
import { IFederatedIdentityTarget, PrincipalKind } from '../principals/principal';
import type { IUserAssignedIdentity } from '../principals/user-assigned-identity';
import type { IAppRegistration } from '../principals/app-registration';
import { credentialsOf } from './credential-registry';
import { Trust, TrustPlatform } from './trust';

/** Options for `addFederatedCredential`. */
export interface FederatedCredentialOptions {
  /**
   * The credential's name: 3 to 120 letters, digits, `-` or `_`, starting with a letter or digit.
   * Azure cannot rename a credential, so changing it replaces the credential.
   * @default - derived from the trust (e.g. `k8s-terraform-runner` or `github-contoso-infra-environment-prod`),
   * stable across runs and unique on the identity
   */
  readonly name?: string;
}

/** Properties of a `FederatedCredential`. */
export interface FederatedCredentialProps extends FederatedCredentialOptions {
  /** The user-assigned identity or app registration that trusts the token. */
  readonly target: IFederatedIdentityTarget;
  /** The token to trust. */
  readonly trust: Trust;
}

/**
 * A federated identity credential: lets a workload exchange its OIDC token for an Entra token of
 * the target, with no secret.
 *
 * On a user-assigned identity it emits `azurerm_federated_identity_credential`, chained with
 * `depends_on` to the identity's previous credential, because Azure rejects concurrent writes to
 * one identity (409 ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity). On an
 * app registration it emits `azuread_application_federated_identity_credential`.
 */
export class FederatedCredential extends Construct {
  /** The credential's name. */
  public readonly name: string;
  /** The trust this credential expresses. */
  public readonly trust: Trust;
  /** The identity or app that holds the credential. */
  public readonly target: IFederatedIdentityTarget;
  /** The underlying resource (escape hatch). */
  public readonly resource: TerraformResource;

  constructor(scope: Construct, id: string, props: FederatedCredentialProps) {
    super(scope, id);
    validateAppBeforeWriting(this);
    const { target, trust } = props;
    this.target = target;
    this.trust = trust;

    assertCanHoldCredentials(this, target);
    if (trust.platform === TrustPlatform.MANAGED_IDENTITY && target.principalKind !== PrincipalKind.APPLICATION) {
      throw new ValidationError(this, 'Trust.managedIdentity can only be added to an AppRegistration: Entra accepts a managed identity '
        + 'as a credential of an app, not of another managed identity. Fix: add this trust to the AppRegistration the identity should act as.');
    }
    const problems: Problem[] = [...trust._problems];
    if (props.name !== undefined && isLiteral(props.name)) problems.push(...credentialNameProblems('name', props.name));
    throwProblems(this, problems);

    const registered = credentialsOf(target);
    this.name = props.name ?? deriveName(trust, id, registered.map((c) => c.name));
    for (const warning of trust._warnings) Annotations.of(this).addWarning(warning);

    if (target.principalKind === PrincipalKind.USER_ASSIGNED_IDENTITY) {
      const identity = target as IUserAssignedIdentity;
      const previous = [...registered].reverse().find((c) => c.resource instanceof FederatedIdentityCredential);
      this.resource = new FederatedIdentityCredential(this, 'Resource', {
        name: this.name,
        resourceGroupName: identity.resourceGroupName,
        parentId: identity.resourceId,
        issuer: trust.issuer,
        subject: trust.subject,
        audience: [trust.audience],
        dependsOn: previous ? [previous.resource] : undefined,
      });
    } else {
      this.resource = new ApplicationFederatedIdentityCredential(this, 'Resource', {
        applicationId: (target as IAppRegistration).applicationId,
        displayName: this.name,
        description: trust.description,
        issuer: trust.issuer,
        subject: trust.subject,
        audiences: [trust.audience],
      });
    }
    registered.push({ path: this.node.path, name: this.name, issuer: trust.issuer, match: trust.subject, resource: this.resource });
  }
}

/** Readable name from the trust; the construct id disambiguates (or stands in, when parts are tokens). */
function deriveName(trust: { _nameParts?: string[] }, id: string, taken: string[]): string {
  const readable = credentialName(trust._nameParts ?? [id]);
  return taken.includes(readable) ? credentialName([...(trust._nameParts ?? ['fic']), id]) : readable;
}
