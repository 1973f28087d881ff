/**
 * Facts and pure checks about federated identity credentials. Limits and formats come from
 * Microsoft Learn, "Workload identity federation: important considerations and restrictions"
 * (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations);
 * each rule names any other source it relies on.
 */
import { createHash } from 'crypto';
import { Problem } from './problems';

/** The audience Entra ID expects in exchanged tokens (public cloud). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** Microsoft: at most 20 federated identity credentials per app or user-assigned identity. */
export const MAX_CREDENTIALS_PER_TARGET = 20;

/** Microsoft: issuer, subject and audience each at most 600 characters. */
const MAX_CLAIM_LENGTH = 600;

/** ARM's name rule for federated identity credentials (Microsoft.ManagedIdentity 2023-01-31). */
export const CREDENTIAL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/;


export function issuerProblems(property: string, issuer: string): Problem[] {
  const problems: Problem[] = [];
  const add = (problem: string, fix: string) => problems.push({ property, value: issuer, problem, fix });
  if (issuer.trim() !== issuer || /\s/.test(issuer)) {
    add('an issuer must not contain whitespace (Entra blocks the token exchange)', `use "${issuer.replace(/\s+/g, '')}"`);
  } else if (!issuer.startsWith('https://')) {
    add('an issuer must be an https URL, because Entra fetches its OIDC discovery document from it',
      `use the exact "iss" claim of the workload's token, e.g. "https://${issuer.replace(/^[a-z]+:\/\//i, '')}"`);
  } else if (issuer.length > MAX_CLAIM_LENGTH) {
    add(`an issuer may have at most ${MAX_CLAIM_LENGTH} characters, this one has ${issuer.length}`, 'use the exact "iss" claim of the token');
  }
  return problems;
}

/** GitHub and HCP Terraform put their issuer in tokens without a trailing slash. */
export function noTrailingSlash(property: string, issuer: string, platform: string): Problem[] {
  if (!issuer.endsWith('/')) return [];
  return [{
    property, value: issuer,
    problem: `${platform} issuers have no trailing slash, so this one would never match the token's "iss" (AADSTS70021)`,
    fix: `use "${issuer.replace(/\/+$/, '')}"`,
  }];
}

export function subjectProblems(property: string, subject: string, flexibleHint: string): Problem[] {
  const problems: Problem[] = [];
  if (subject.length === 0) {
    problems.push({ property, value: subject, problem: 'a subject must not be empty', fix: 'use the exact "sub" claim of the workload\'s token' });
  } else if (subject.trim() !== subject) {
    problems.push({ property, value: subject, problem: 'a subject must not start or end with whitespace', fix: `use "${subject.trim()}"` });
  } else if (subject.length > MAX_CLAIM_LENGTH) {
    problems.push({ property, value: subject, problem: `a subject may have at most ${MAX_CLAIM_LENGTH} characters, this one has ${subject.length}`, fix: 'use the exact "sub" claim of the token' });
  } else if (/[*?]/.test(subject)) {
    problems.push({
      property, value: subject,
      problem: 'federated credentials compare the subject literally, so "*" and "?" are not wildcards and this would never match',
      fix: `name the exact branch, tag or environment, or use a flexible credential for a pattern: ${flexibleHint}`,
    });
  }
  return problems;
}

export function audienceProblems(property: string, audience: string): Problem[] {
  if (audience.length > 0 && audience.length <= MAX_CLAIM_LENGTH && !/[\s,]/.test(audience)) return [];
  return [{
    property, value: audience,
    problem: 'a federated credential takes exactly one audience: a non-empty value of at most 600 characters, with no spaces or commas',
    fix: `use the single "aud" claim of the workload's token, usually "${TOKEN_EXCHANGE_AUDIENCE}"`,
  }];
}

/** Kubernetes namespaces are DNS-1123 labels. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Kubernetes service account names are DNS-1123 subdomains. */
export const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function dnsProblems(property: string, value: string, rule: RegExp, kind: string): Problem[] {
  if (rule.test(value)) return [];
  const suggestion = value.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return [{
    property, value,
    problem: `a Kubernetes ${kind} must be a DNS-1123 ${rule === DNS1123_LABEL ? 'label' : 'subdomain'} (lower-case letters, digits and "-", starting and ending with a letter or digit)`,
    fix: `use the name as Kubernetes stores it${suggestion && suggestion !== value ? `, e.g. "${suggestion}"` : ''}`,
  }];
}

/** GitHub escapes ":" inside a claim value as "%3A" (GitHub docs, "OIDC reference"). */
export function escapeGitHubValue(value: string): string {
  return value.replace(/:/g, '%3A');
}

/**
 * Turns readable parts into a valid, deterministic credential name. Over-long names keep their
 * start and gain a hash of the whole, so two long names never collide by truncation.
 */
export function credentialName(parts: string[]): string {
  const joined = parts.join('-');
  let name = joined.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[^a-zA-Z0-9]+/, '').replace(/-+$/, '');
  if (name.length < 3) name = `fic-${name || 'credential'}`;
  if (name.length > 120) {
    const hash = createHash('sha256').update(joined).digest('hex').slice(0, 10);
    name = `${name.slice(0, 109).replace(/[-_]+$/, '')}-${hash}`;
  }
  return name;
}

export function credentialNameProblems(property: string, name: string): Problem[] {
  if (CREDENTIAL_NAME.test(name)) return [];
  return [{
    property, value: name,
    problem: `a federated credential name needs 3 to 120 letters, digits, "-" or "_", starting with a letter or digit`,
    fix: `use "${credentialName([name])}", or omit name to have one derived`,
  }];
}
