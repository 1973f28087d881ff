import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { IFlexibleCredentialTarget } from '../core/principal';
import { credentialName } from '../private/federation-rules';
import { claimCredential } from './credential-registry';
import { FederatedCredentialOptions } from './federated-credential';
import { FlexibleTrust } from './flexible-trust';
import { invalid, throwProblems } from '../private/problems';
import { checkedArgs, requiredProblems } from '../private/shape';
import { reviewFacts } from '../private/review-facts';

/** Properties of a `FlexibleFederatedCredential`. */
export interface FlexibleFederatedCredentialProps extends FederatedCredentialOptions {
  /** The app registration that trusts the tokens (flexible credentials exist only on apps). */
  readonly target: IFlexibleCredentialTarget;
  /** The pattern of tokens to trust. */
  readonly trust: FlexibleTrust;
}

/**
 * A flexible federated identity credential (`azuread_application_flexible_federated_identity_credential`):
 * trusts every token whose claims match an expression, such as all `release/*` branches.
 * It counts toward the 20 credentials an app may hold.
 *
 * @example
 * new FlexibleFederatedCredential(stack, 'Releases', {
 *   target: app, trust: FlexibleTrust.githubActions({ owner: 'contoso', repository: 'infra', branchPattern: 'release/*' }),
 * });
 */
export class FlexibleFederatedCredential extends Construct {
  /** The credential's name. */
  public readonly name: string;
  /** The pattern this credential trusts. */
  public readonly trust: FlexibleTrust;
  /** The app that holds the credential. */
  public readonly target: IFlexibleCredentialTarget;
  /** The underlying resource (escape hatch). */
  public readonly resource: TerraformResource;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: FlexibleFederatedCredentialProps) {
    super(checkedArgs('FlexibleFederatedCredential.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['target', 'trust'], 'FlexibleFederatedCredentialProps'));
    const { target, trust } = props;
    this.trust = trust;
    this.target = target;
    const slot = claimCredential(this, {
      target,
      issuer: trust.issuer,
      match: trust.claimsMatchingExpression,
      audience: trust.audience,
      flexible: true,
      name: props.name,
      derivedName: () => credentialName([...(trust._nameParts ?? []), id]),
      problems: trust._problems,
    });
    if (typeof (target as Partial<IFlexibleCredentialTarget>).bindFlexibleCredential !== 'function') {
      throw invalid(this, {
        property: 'target', value: target.node.path,
        problem: 'flexible federated credentials (claims-matching expressions) exist only on app registrations, not on user-assigned identities',
        fix: 'add the flexible credential to an AppRegistration, or add one ordinary credential (Trust) per branch or tag to this identity',
      });
    }
    this.name = slot.name;
    this.resource = target.bindFlexibleCredential(this, {
      name: slot.name, issuer: trust.issuer, claimsMatchingExpression: trust.claimsMatchingExpression, audience: trust.audience, description: trust.description,
    });
    slot.record(this.resource);
    reviewFacts(this).trusts.push({
      holder: this, target, issuer: trust.issuer, subject: trust.claimsMatchingExpression, audience: trust.audience, credential: this.name,
    });
  }
}
