import { TrustedToken } from '../federation/credential-registry';
import { isLiteral } from '../private/problems';
import { TrustMatch } from './trust-match';

/**
 * The claims of a token a runner presents. A claim that is undefined is known only where the run
 * happens (an Azure DevOps service connection named by its ID alone).
 */
export interface TokenClaims {
  /** For people: which token this is ("plan phase"). */
  readonly label: string;
  readonly issuer?: string;
  readonly subject?: string;
  readonly audience: string;
}

/** Equal strings match (the same literal, or the same reference); two different literals never do; the rest is unknown. */
function compare(expected: string | undefined, trusted: string): TrustMatch {
  if (expected === undefined) return TrustMatch.NOT_VERIFIABLE;
  if (expected === trusted) return TrustMatch.MATCHES;
  return isLiteral(expected) && isLiteral(trusted) ? TrustMatch.DOES_NOT_MATCH : TrustMatch.NOT_VERIFIABLE;
}

/**
 * A flexible credential's subject pattern, when its expression is a single `claims['sub'] matches '...'`
 * (Microsoft Learn, "Flexible federated identity credentials": `*` is any run of characters, `?` one).
 */
function subjectPattern(expression: string): RegExp | undefined {
  const found = /^\s*claims\['sub'\]\s+matches\s+'([^']*)'\s*$/.exec(expression);
  if (!found) return undefined;
  const body = found[1].split('').map((c) => c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${body}$`);
}

/** How one token compares with one credential: every claim must match; one literal difference is enough to fail. */
export function matchToken(token: TokenClaims, credential: Pick<TrustedToken, 'issuer' | 'match' | 'audience' | 'flexible'>): TrustMatch {
  const parts = [compare(token.issuer, credential.issuer), compare(token.audience, credential.audience)];
  if (!credential.flexible) {
    parts.push(compare(token.subject, credential.match));
  } else if (!isLiteral(token.subject) || !isLiteral(credential.match)) {
    parts.push(TrustMatch.NOT_VERIFIABLE);
  } else {
    const pattern = subjectPattern(credential.match);
    parts.push(!pattern ? TrustMatch.NOT_VERIFIABLE : pattern.test(token.subject) ? TrustMatch.MATCHES : TrustMatch.DOES_NOT_MATCH);
  }
  if (parts.includes(TrustMatch.DOES_NOT_MATCH)) return TrustMatch.DOES_NOT_MATCH;
  return parts.includes(TrustMatch.NOT_VERIFIABLE) ? TrustMatch.NOT_VERIFIABLE : TrustMatch.MATCHES;
}
