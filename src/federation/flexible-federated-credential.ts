import { Construct } from 'constructs';
import { ApplicationFlexibleFederatedIdentityCredential } from '@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential';
import { ValidationError } from '../private/errors';
import { credentialName, credentialNameProblems } from '../private/federation-rules';
import { Problem, throwProblems } from '../private/problems';
import { isLiteral } from '../private/validate';
import { PrincipalKind } from '../principals/principal';
import type { IAppRegistration } from '../principals/app-registration';
import { credentialsOf } from './credential-registry';
import { FederatedCredentialOptions } from './federated-credential';
import { FlexibleTrust } from './flexible-trust';

/** Properties of a `FlexibleFederatedCredential`. */
export interface FlexibleFederatedCredentialProps extends FederatedCredentialOptions {
  /** The app registration that trusts the tokens (flexible credentials exist only on apps). */
  readonly target: IAppRegistration;
  /** The pattern of tokens to trust. */
  readonly trust: FlexibleTrust;
}

/**
 * A flexible federated identity credential (`azuread_application_flexible_federated_identity_credential`):
 * trusts every token whose claims match an expression, such as all `release/*` branches.
 * It counts toward the 20 credentials an app may hold.
 */
export class FlexibleFederatedCredential extends Construct {
  /** The credential's name. */
  public readonly name: string;
  /** The pattern this credential trusts. */
  public readonly trust: FlexibleTrust;
  /** The app that holds the credential. */
  public readonly target: IAppRegistration;
  /** The underlying resource (escape hatch). */
  public readonly resource: ApplicationFlexibleFederatedIdentityCredential;

  constructor(scope: Construct, id: string, props: FlexibleFederatedCredentialProps) {
    super(scope, id);
    const { target, trust } = props;
    this.trust = trust;
    this.target = target;
    if (target.principalKind !== PrincipalKind.APPLICATION) {
      throw new ValidationError(this, `flexible federated credentials exist only on app registrations, not on ${target.node.path} `
        + `(${target.principalKind}). Fix: add it to an AppRegistration, or use one ordinary credential per branch (Trust.githubActions).`);
    }
    const problems: Problem[] = [...trust._problems];
    if (props.name !== undefined && isLiteral(props.name)) problems.push(...credentialNameProblems('name', props.name));
    throwProblems(this, problems);

    const registered = credentialsOf(target);
    const readable = credentialName([...(trust._nameParts ?? []), id]);
    this.name = props.name ?? readable;
    this.resource = new ApplicationFlexibleFederatedIdentityCredential(this, 'Resource', {
      applicationId: target.applicationId,
      displayName: this.name,
      description: trust.description,
      issuer: trust.issuer,
      audience: trust.audience,
      claimsMatchingExpression: trust.claimsMatchingExpression,
    });
    registered.push({ path: this.node.path, name: this.name, issuer: trust.issuer, match: trust.claimsMatchingExpression, resource: this.resource });
  }
}
