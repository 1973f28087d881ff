import { Problem } from '../private/problems';
import { isLiteral } from '../private/validate';
import { TOKEN_EXCHANGE_AUDIENCE, audienceProblems } from '../private/federation-rules';
import { TerraformRunPhase } from './trust';

/** A GitHub Actions pattern, for `FlexibleTrust.githubActions`. Give exactly one of the three selectors. */
export interface FlexibleGitHubActionsTrustProps {
  /** The repository owner, with GitHub's exact casing. */
  readonly owner: string;
  /** The repository name, with GitHub's exact casing. */
  readonly repository: string;
  /**
   * Branches to trust, with `*` for any run of characters and `?` for one, e.g. `release/*`.
   * @default - not a branch pattern
   */
  readonly branchPattern?: string;
  /**
   * Tags to trust, with `*` and `?` wildcards, e.g. `v*`.
   * @default - not a tag pattern
   */
  readonly tagPattern?: string;
  /**
   * A full claims-matching expression over `claims['sub']` and `claims['job_workflow_ref']`, e.g.
   * `claims['sub'] matches 'repo:contoso/infra:*' and claims['job_workflow_ref'] eq 'contoso/infra/.github/workflows/deploy.yml@refs/heads/main'`.
   * @default - not a custom expression
   */
  readonly claimsMatchingExpression?: string;
}

/** A GitLab pattern, for `FlexibleTrust.gitlab`. Give exactly one of the three selectors. */
export interface FlexibleGitLabTrustProps {
  /** The project's full path, e.g. `my-group/my-project`. */
  readonly projectPath: string;
  /**
   * Branches to trust, with `*` and `?` wildcards.
   * @default - not a branch pattern
   */
  readonly branchPattern?: string;
  /**
   * Tags to trust, with `*` and `?` wildcards.
   * @default - not a tag pattern
   */
  readonly tagPattern?: string;
  /**
   * A full claims-matching expression over `claims['sub']`.
   * @default - not a custom expression
   */
  readonly claimsMatchingExpression?: string;
  /**
   * The GitLab instance: `https://gitlab.com`, or a dedicated `https://gitlab.<name>.com` or `.ca`.
   * @default "https://gitlab.com"
   */
  readonly instanceUrl?: string;
  /**
   * The audience the job requests.
   * @default - the instance URL
   */
  readonly audience?: string;
}

/** An HCP Terraform pattern, for `FlexibleTrust.terraformCloud`. Give `workspacePattern` or `claimsMatchingExpression`. */
export interface FlexibleTerraformCloudTrustProps {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The project, e.g. `Default Project`. */
  readonly project: string;
  /**
   * Workspaces to trust, with `*` and `?` wildcards, e.g. `m365-*`.
   * @default - not a workspace pattern
   */
  readonly workspacePattern?: string;
  /**
   * The run phase to trust.
   * @default - both plan and apply
   */
  readonly runPhase?: TerraformRunPhase;
  /**
   * A full claims-matching expression over `claims['sub']`.
   * @default - not a custom expression
   */
  readonly claimsMatchingExpression?: string;
  /**
   * The HCP Terraform region host: `app.terraform.io` or `app.eu.terraform.io` (Terraform Enterprise
   * hosts are not supported by flexible credentials).
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/**
 * A pattern of tokens to trust: a flexible federated identity credential, matched with a claims
 * expression (`matches` with `*` and `?`, `eq`, `and`). Microsoft supports these on app
 * registrations only, for GitHub, GitLab and HCP Terraform, and only on some claims.
 */
export class FlexibleTrust {
  /** Branches or tags of a GitHub repository by pattern, or a custom expression. */
  public static githubActions(props: FlexibleGitHubActionsTrustProps): FlexibleTrust {
    const prefix = `repo:${props.owner}/${props.repository}:ref:refs/`;
    return FlexibleTrust.build('https://token.actions.githubusercontent.com', TOKEN_EXCHANGE_AUDIENCE, ['sub', 'job_workflow_ref'], {
      branchPattern: props.branchPattern === undefined ? undefined : `${prefix}heads/${props.branchPattern}`,
      tagPattern: props.tagPattern === undefined ? undefined : `${prefix}tags/${props.tagPattern}`,
      claimsMatchingExpression: props.claimsMatchingExpression,
    }, `GitHub Actions ${props.owner}/${props.repository}`, ['github', props.owner, props.repository]);
  }

  /** Branches or tags of a GitLab project by pattern, or a custom expression. */
  public static gitlab(props: FlexibleGitLabTrustProps): FlexibleTrust {
    const instance = props.instanceUrl ?? 'https://gitlab.com';
    const prefix = `project_path:${props.projectPath}:ref_type:`;
    const unsupported = isLiteral(instance) && instance !== 'https://gitlab.com' && !/^https:\/\/gitlab\.[a-z0-9-]+\.(com|ca)$/.test(instance);
    return FlexibleTrust.build(instance, props.audience ?? instance, ['sub'], {
      branchPattern: props.branchPattern === undefined ? undefined : `${prefix}branch:ref:${props.branchPattern}`,
      tagPattern: props.tagPattern === undefined ? undefined : `${prefix}tag:ref:${props.tagPattern}`,
      claimsMatchingExpression: props.claimsMatchingExpression,
    }, `GitLab ${props.projectPath}`, ['gitlab', props.projectPath], unsupported ? [{
      property: 'instanceUrl', value: instance,
      problem: 'flexible credentials accept GitLab tokens only from https://gitlab.com, https://gitlab.<name>.com or https://gitlab.<name>.ca',
      fix: 'use an ordinary credential (Trust.gitlab) per branch for a self-managed instance',
    }] : []);
  }

  /** Workspaces of an HCP Terraform project by pattern, or a custom expression. */
  public static terraformCloud(props: FlexibleTerraformCloudTrustProps): FlexibleTrust {
    const hostname = props.hostname ?? 'app.terraform.io';
    const phase = props.runPhase ?? '*';
    const unsupported = isLiteral(hostname) && !['app.terraform.io', 'app.eu.terraform.io'].includes(hostname);
    return FlexibleTrust.build(`https://${hostname}`, TOKEN_EXCHANGE_AUDIENCE, ['sub'], {
      workspacePattern: props.workspacePattern === undefined ? undefined
        : `organization:${props.organization}:project:${props.project}:workspace:${props.workspacePattern}:run_phase:${phase}`,
      claimsMatchingExpression: props.claimsMatchingExpression,
    }, `HCP Terraform ${props.organization}/${props.project}`, ['tfc', props.organization, props.project], unsupported ? [{
      property: 'hostname', value: hostname,
      problem: 'flexible credentials accept HCP Terraform tokens only from app.terraform.io and app.eu.terraform.io',
      fix: 'use ordinary credentials (Trust.terraformCloudRunPhases) per workspace for Terraform Enterprise',
    }] : []);
  }

  private static build(
    issuer: string, audience: string, claims: string[], selectors: { [name: string]: string | undefined },
    description: string, nameParts: string[], issuerProblems: Problem[] = [],
  ): FlexibleTrust {
    const problems: Problem[] = [...issuerProblems, ...(isLiteral(audience) ? audienceProblems('audience', audience) : [])];
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
      problems.push(...expressionProblems(value, claims));
    }
    return new FlexibleTrust(issuer, expression, audience, description, nameParts.every(isLiteral) ? nameParts : undefined, problems);
  }

  /** The token's required `iss` claim. */
  public readonly issuer: string;
  /** The claims-matching expression (language version 1). */
  public readonly claimsMatchingExpression: string;
  /** The token's required `aud` claim. */
  public readonly audience: string;
  /** A human-readable description. */
  public readonly description: string;
  /** @internal */
  public readonly _nameParts?: string[];
  /** @internal */
  public readonly _problems: Problem[];

  private constructor(issuer: string, expression: string, audience: string, description: string, nameParts: string[] | undefined, problems: Problem[]) {
    this.issuer = issuer;
    this.claimsMatchingExpression = expression;
    this.audience = audience;
    this.description = description;
    this._nameParts = nameParts;
    this._problems = problems;
  }
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
      problem: `Microsoft supports only ${claims.map((c) => `claims['${c}']`).join(' and ')} for this issuer, not ${unsupported.map((c) => `claims['${c}']`).join(', ')}`,
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
