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
  } else if (/[?#]/.test(issuer)) {
    // OpenID Connect Discovery 1.0, section 3: the issuer is a URL with no query or fragment component.
    add('an OIDC issuer has no query or fragment (OpenID Connect Discovery 1.0, section 3)', `use "${issuer.replace(/[?#].*$/, '')}"`);
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
      fix: `name the exact branch, tag or environment, or trust a pattern with a flexible credential, which only app registrations hold: ${flexibleHint}`,
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

/**
 * Names the DNS-1123 rule a Kubernetes name really breaks (Kubernetes docs, "Object Names and IDs"):
 * emptiness, the length limit (63 for a label, 253 for a subdomain, 63 for each of its parts), or
 * the characters.
 */
export function dnsProblems(property: string, value: string, rule: RegExp, kind: string): Problem[] {
  if (rule.test(value)) return [];
  const label = rule === DNS1123_LABEL;
  const form = label ? 'a DNS-1123 label' : 'a DNS-1123 subdomain';
  const suggestion = value.toLowerCase().replace(label ? /[^a-z0-9-]+/g : /[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, label ? 63 : 253);
  const fix = `use the name as Kubernetes stores it${suggestion && suggestion !== value ? `, e.g. "${suggestion}"` : ''}`;
  const limit = label ? 63 : 253;
  const longPart = label ? undefined : value.split('.').find((part) => part.length > 63);
  let problem: string;
  if (value.length === 0) problem = `a Kubernetes ${kind} must not be empty`;
  else if (value.length > limit) problem = `a Kubernetes ${kind} must be ${form}, at most ${limit} characters; this one has ${value.length}`;
  else if (longPart) problem = `each dot-separated part of a Kubernetes ${kind} (${form}) has at most 63 characters; "${longPart.slice(0, 20)}..." has ${longPart.length}`;
  else problem = `a Kubernetes ${kind} must be ${form}: lower-case letters, digits and "-"${label ? '' : ' (and "." between parts)'}, starting and ending with a letter or digit`;
  return [{ property, value, problem, fix }];
}

/** A part of a subject (a namespace, an environment, an organization...) must not be empty. */
export function nonEmptyProblems(property: string, value: string): Problem[] {
  if (value.trim().length > 0) return [];
  return [{ property, value, problem: `${property} is part of the token's subject, so it must not be empty`, fix: `pass the ${property} exactly as the token carries it` }];
}

/**
 * Git ref names (git check-ref-format): no spaces or control characters, no "..", none of ~ ^ : \ [,
 * no "@{", no component starting with "." or ending with ".lock", not starting or ending with "/" or
 * ending with ".". "*" and "?" are left to the subject rule, which points to flexible credentials.
 */
export function gitRefProblems(property: string, value: string): Problem[] {
  const broken: string[] = [];
  if (/[\s\x00-\x1f\x7f]/.test(value)) broken.push('spaces or control characters');
  if (value.includes('..')) broken.push('".."');
  const bad = [...new Set(value.replace(/[^~^:\\[]/g, ''))];
  if (bad.length) broken.push(bad.map((c) => `"${c}"`).join(', '));
  if (value.includes('@{')) broken.push('"@{"');
  if (/^\/|\/$|\/\//.test(value)) broken.push('a leading, trailing or double "/"');
  if (/\.$/.test(value) || value.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    broken.push('a part that starts with "." or ends with ".lock" or "."');
  }
  if (broken.length === 0) return [];
  const suggestion = value.trim().replace(/[\s~^:\\[]+/g, '-').replace(/\.{2,}/g, '.').replace(/@\{/g, '-').replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/').replace(/\.lock$|\.$/g, '');
  return [{
    property, value,
    problem: `git does not allow ${broken.join(', ')} in a ref name (git check-ref-format), so no token carries this ref`,
    fix: `use the ${property} exactly as git shows it${suggestion && suggestion !== value ? `, e.g. "${suggestion}"` : ''}`,
  }];
}

/** The library adds the `refs/...` part of the subject; a pattern names branches or tags only. */
export function patternPrefixProblems(property: string, value: string): Problem[] {
  const full = /^refs\/(heads|tags)\/(.+)$/.exec(value);
  return full ? [{ property, value, problem: 'give the branch or tag pattern only; the library builds the rest of the subject', fix: `use "${full[2]}"` }] : [];
}

/** GitHub escapes ":" inside a claim value as "%3A" (GitHub docs, "OIDC reference"). */
export function escapeGitHubValue(value: string): string {
  return value.replace(/:/g, '%3A');
}

/**
 * Turns readable parts into a valid, deterministic credential name, from those parts alone (never
 * from the other credentials of the identity, or their order).
 *
 * A name whose parts lost nothing on the way (only letters, digits, "-" and "_", nothing cut) is the
 * parts joined with "-", as it always was. Where the name rule changed the parts (a space, a ".", a
 * "/" replaced; dashes merged or stripped), two different inputs could meet in one name (`prod.eu`
 * and `prod-eu`), so such a name gains a short hash of its own parts. Over-long names keep their
 * start and gain a hash of the whole, as before.
 */
export function credentialName(parts: string[]): string {
  const joined = parts.join('-');
  let name = joined.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[^a-zA-Z0-9]+/, '').replace(/-+$/, '');
  const lossy = name !== joined;
  if (name.length < 3) name = `fic-${name || 'credential'}`;
  if (name.length > 120) {
    const hash = createHash('sha256').update(joined).digest('hex').slice(0, 10);
    return `${name.slice(0, 109).replace(/[-_]+$/, '')}-${hash}`;
  }
  if (!lossy) return name;
  const suffix = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 6);
  return `${name.slice(0, 120 - suffix.length - 1).replace(/[-_]+$/, '')}-${suffix}`;
}

export function credentialNameProblems(property: string, name: string): Problem[] {
  if (CREDENTIAL_NAME.test(name)) return [];
  return [{
    property, value: name,
    problem: `a federated credential name needs 3 to 120 letters, digits, "-" or "_", starting with a letter or digit`,
    fix: `use "${credentialName([name])}", or omit name to have one derived`,
  }];
}
