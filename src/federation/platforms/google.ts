import { TOKEN_EXCHANGE_AUDIENCE } from '../../private/federation-rules';
import { literal } from '../../private/problems';
import { given, requiredProblems } from '../../private/shape';
import { TrustPlatform, TrustSpec } from '../trust-spec';

/** A Google Cloud service account, for `Trust.google`. */
export interface GoogleTrustProps {
  /** The service account's numeric unique ID (not its e-mail address). */
  readonly serviceAccountUniqueId: string;
}

/** Issuer `https://accounts.google.com`, subject the service account's numeric unique ID. */
export function googleTrust(input: GoogleTrustProps): TrustSpec {
  const props = given(input);
  const problems = [...requiredProblems(props, ['serviceAccountUniqueId'], 'GoogleTrustProps'), ...literal(props.serviceAccountUniqueId, (v) => /^[0-9]+$/.test(v) ? [] : [{
    property: 'serviceAccountUniqueId', value: v,
    problem: 'Google puts the service account\'s numeric unique ID in the subject, not its e-mail',
    fix: 'use the "uniqueId" from gcloud iam service-accounts describe EMAIL',
  }])];
  return {
    platform: TrustPlatform.GOOGLE,
    issuer: 'https://accounts.google.com',
    subject: props.serviceAccountUniqueId,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: `Google service account ${props.serviceAccountUniqueId}`,
    nameParts: ['google', props.serviceAccountUniqueId],
    problems,
  };
}
