import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { ICredentialTarget, PrincipalKind } from '../core/principal';
import { credentialName } from '../private/federation-rules';
import { invalid, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { claimCredential } from './credential-registry';
import { Trust } from './trust';
import { warn } from '../private/warnings';
import { reviewFacts } from '../private/review-facts';

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
  readonly target: ICredentialTarget;
  /** The token to trust. */
  readonly trust: Trust;
}

/**
 * A federated identity credential: lets a workload exchange its OIDC token for an Entra token of
 * the target, with no secret.
 *
 * The target writes the resource: `azurerm_federated_identity_credential` on a user-assigned
 * identity, chained with `depends_on` to the identity's previous credential because Azure rejects
 * concurrent writes to one identity (409 ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity);
 * `azuread_application_federated_identity_credential` on an app registration.
 *
 * @example
 * new FederatedCredential(stack, 'Deploy', {
 *   target: identity,
 *   trust: Trust.githubActions({ owner: 'contoso', repository: 'infra', environment: 'prod' }),
 * });
 */
export class FederatedCredential extends Construct {
  /** The credential's name. */
  public readonly name: string;
  /** The trust this credential expresses. */
  public readonly trust: Trust;
  /** The identity or app that holds the credential. */
  public readonly target: ICredentialTarget;
  /** The underlying resource (escape hatch). */
  public readonly resource: TerraformResource;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: FederatedCredentialProps) {
    super(checkedArgs('FederatedCredential.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['target', 'trust'], 'FederatedCredentialProps'));
    const { target, trust } = props;
    this.target = target;
    this.trust = trust;
    if (trust._appsOnly && target.principalKind !== PrincipalKind.APPLICATION) {
      throw invalid(this, {
        property: 'trust', value: `${trust.platform} ${trust.subject}`,
        problem: `only an app registration can hold this trust (${trust._appsOnly}), and ${target.node.path} is not one`,
        fix: 'add this trust to the AppRegistration the identity should act as; in a KeylessWorkload, use identityKind: WorkloadIdentityKind.APP_REGISTRATION',
      });
    }
    // Microsoft: the app and the managed identity it trusts must be in the same tenant.
    throwProblems(this, tenantProblems('trust.tenantId', trust._tenantId, target));
    const slot = claimCredential(this, {
      target,
      issuer: trust.issuer,
      match: trust.subject,
      audience: trust.audience,
      flexible: false,
      platform: trust.platform,
      name: props.name,
      derivedName: (taken) => {
        const readable = credentialName(trust._nameParts ?? [id]);
        return taken.includes(readable) ? credentialName([...(trust._nameParts ?? ['fic']), id]) : readable;
      },
      problems: trust._problems,
    });
    this.name = slot.name;
    this.resource = target.bindCredential(this, {
      name: slot.name, issuer: trust.issuer, subject: trust.subject, audience: trust.audience, description: trust.description,
    }, slot.previous);
    slot.record(this.resource);
    reviewFacts(this).trusts.push({
      holder: this, target, platform: trust.platform, issuer: trust.issuer, subject: trust.subject, audience: trust.audience, credential: this.name,
    });
    for (const warning of trust._warnings) warn(this, warning);
  }
}
