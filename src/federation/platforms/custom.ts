import { TOKEN_EXCHANGE_AUDIENCE } from '../../private/federation-rules';
import { problemsOf } from '../../private/problems';
import { credentialDescriptionRule } from '../../private/rules';
import { given, requiredProblems } from '../../private/shape';
import { TrustPlatform, TrustSpec } from '../trust-spec';

/** Any OIDC issuer, for `Trust.custom`. */
export interface CustomTrustProps {
  /** The token's `iss` claim: an https URL serving OIDC discovery. */
  readonly issuer: string;
  /** The token's `sub` claim. */
  readonly subject: string;
  /**
   * The token's `aud` claim.
   * @default "api://AzureADTokenExchange"
   */
  readonly audience?: string;
  /**
   * A description for the credential, at most 600 characters (written on app registrations only).
   * @default - "Custom OIDC issuer"
   */
  readonly description?: string;
}

/** The exact issuer, subject and audience given. */
export function customTrust(input: CustomTrustProps): TrustSpec {
  const props = given(input);
  return {
    platform: TrustPlatform.CUSTOM,
    issuer: props.issuer,
    subject: props.subject,
    audience: props.audience ?? TOKEN_EXCHANGE_AUDIENCE,
    description: props.description ?? 'Custom OIDC issuer',
    problems: [...requiredProblems(props, ['issuer', 'subject'], 'CustomTrustProps'), ...problemsOf('description', props.description, credentialDescriptionRule)],
  };
}
