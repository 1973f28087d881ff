import { Problem, isLiteral, literal } from '../private/problems';
import { audienceProblems } from '../private/federation-rules';
import { Warning } from '../private/warnings';

/** The platform whose tokens a trust accepts. */
export enum TrustPlatform {
  /** A Kubernetes service account (AKS or any cluster with a public OIDC issuer). */
  KUBERNETES = 'Kubernetes',
  /** A GitHub Actions workflow. */
  GITHUB_ACTIONS = 'GitHubActions',
  /** An Azure DevOps workload identity federation service connection. */
  AZURE_DEVOPS = 'AzureDevOps',
  /** An HCP Terraform (Terraform Cloud) or Terraform Enterprise workspace run. */
  TERRAFORM_CLOUD = 'TerraformCloud',
  /** A GitLab CI/CD job. */
  GITLAB = 'GitLab',
  /** A user-assigned managed identity in the same tenant (an app trusting a managed identity). */
  MANAGED_IDENTITY = 'ManagedIdentity',
  /** A Google Cloud service account. */
  GOOGLE = 'Google',
  /** Any other OIDC issuer. */
  CUSTOM = 'Custom',
}

/** What a platform's rules make of its props: an exact trust, before the checks every trust gets. */
export interface TrustSpec {
  readonly platform: TrustPlatform;
  readonly issuer: string;
  readonly subject: string;
  readonly audience: string;
  readonly description: string;
  /** Readable parts of a derived credential name. */
  readonly nameParts?: string[];
  readonly problems: Problem[];
  readonly warnings?: Warning[];
  /** How to trust a pattern instead, for the message about wildcards in an exact subject. */
  readonly flexibleHint?: string;
  /** Set when only an app registration can hold this trust: why, for the error on other targets. */
  readonly appsOnly?: string;
  /** The tenant the token comes from, when it must be the target's own (a managed identity's). */
  readonly tenantId?: string;
  /** Set when the props were not the shape their type promises: the problems say why, and nothing else is checked. */
  readonly unusable?: boolean;
}

/** What a platform's rules make of a flexible trust's props: a claims-matching expression. */
export interface FlexibleTrustSpec {
  readonly issuer: string;
  readonly audience: string;
  readonly claimsMatchingExpression: string;
  readonly description: string;
  readonly nameParts?: string[];
  readonly problems: Problem[];
}

/** Options of `flexibleSpec`: a platform's selectors (exactly one must be given) and the claims Microsoft lets it match. */
export interface FlexibleSpecOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The claims an expression may use for this issuer. */
  readonly claims: string[];
  /** Each selector's `sub` pattern, or undefined when not given. */
  readonly selectors: { [name: string]: string | undefined };
  readonly claimsMatchingExpression?: string;
  readonly description: string;
  readonly nameParts: string[];
  readonly problems?: Problem[];
}

/** The expression of a flexible trust from exactly one selector, with the checks every flexible trust gets. */
export function flexibleSpec(options: FlexibleSpecOptions): FlexibleTrustSpec {
  const problems: Problem[] = [...(options.problems ?? []), ...literal(options.audience, (v) => audienceProblems('audience', v))];
  const selectors: { [name: string]: string | undefined } = { ...options.selectors, claimsMatchingExpression: options.claimsMatchingExpression };
  const given = Object.entries(selectors).filter(([, v]) => v !== undefined);
  if (given.length !== 1) {
    problems.push({
      property: Object.keys(selectors).join(' | '), value: given.map(([, v]) => v).join(', '),
      problem: given.length ? 'a flexible trust takes exactly one selector, but several were given' : 'a flexible trust needs a selector',
      fix: `give exactly one of ${Object.keys(selectors).join(', ')}`,
    });
  }
  const [selector, value] = given[0] ?? ['claimsMatchingExpression', ''];
  let expression = value ?? '';
  if (selector !== 'claimsMatchingExpression') {
    if (isLiteral(value) && value.includes("'")) {
      problems.push({ property: selector, value, problem: 'a pattern cannot contain a single quote', fix: 'remove the quote' });
    }
    expression = `claims['sub'] matches '${value}'`;
  } else if (isLiteral(value)) {
    problems.push(...expressionProblems(value, options.claims));
  }
  return {
    issuer: options.issuer,
    audience: options.audience,
    claimsMatchingExpression: expression,
    description: options.description,
    nameParts: options.nameParts,
    problems,
  };
}

/** Checks that an expression uses only the claims Microsoft supports for the issuer, and the documented operators. */
function expressionProblems(expression: string, claims: string[]): Problem[] {
  const problems: Problem[] = [];
  const used = [...expression.matchAll(/claims\[\s*'([^']*)'\s*\]/g)].map((m) => m[1]);
  if (used.length === 0) {
    problems.push({
      property: 'claimsMatchingExpression', value: expression,
      problem: "an expression compares claims, written claims['name']", fix: `write e.g. claims['sub'] matches 'pattern'`,
    });
  }
  const unsupported = [...new Set(used.filter((c) => !claims.includes(c)))];
  if (unsupported.length) {
    problems.push({
      property: 'claimsMatchingExpression', value: expression,
      problem: `Microsoft supports only ${claims.map((c) => `claims['${c}']`).join(' and ')} for this issuer, `
        + `not ${unsupported.map((c) => `claims['${c}']`).join(', ')}`,
      fix: 'match on the supported claims only',
    });
  }
  const operators = expression.replace(/'[^']*'/g, "''").replace(/claims\[''\]/g, '').match(/[a-zA-Z_]+/g) ?? [];
  const unknown = [...new Set(operators.filter((op) => !['matches', 'eq', 'and'].includes(op)))];
  if (unknown.length) {
    problems.push({
      property: 'claimsMatchingExpression', value: expression,
      problem: `flexible credentials know the operators matches, eq and and; found ${unknown.join(', ')}`,
      fix: "combine comparisons with and, e.g. claims['sub'] matches 'a*' and claims['job_workflow_ref'] eq 'b'",
    });
  }
  return problems;
}
