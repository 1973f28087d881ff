import {
  TOKEN_EXCHANGE_AUDIENCE, escapeGitHubValue, gitRefProblems, noTrailingSlash, nonEmptyProblems, patternPrefixProblems,
} from '../../private/federation-rules';
import { given, requiredProblems } from '../../private/shape';
import { isLiteral, literal, Problem, problemsOf } from '../../private/problems';
import { githubEnvironmentNameRule } from '../../private/pipeline-rules';
import { FlexibleTrustSpec, TrustPlatform, TrustSpec, flexibleSpec } from '../trust-spec';
import { Warning } from '../../private/warnings';

/** GitHub's OIDC issuer on github.com (GitHub docs, "OpenID Connect reference"). */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** A GitHub Actions workflow, for `Trust.githubActions`. Give exactly one of `branch`, `environment`, `tag` or `pullRequest`. */
export interface GitHubActionsTrustProps {
  /** The repository owner (user or organization), with GitHub's exact casing. */
  readonly owner: string;
  /** The repository name, with GitHub's exact casing. */
  readonly repository: string;
  /**
   * Trust jobs that run for this branch (subject `...:ref:refs/heads/{branch}`), and have no environment.
   * @default - not a branch trust
   */
  readonly branch?: string;
  /**
   * Trust jobs that run in this deployment environment (subject `...:environment:{environment}`).
   * The safest selector: environments can require reviewers.
   * @default - not an environment trust
   */
  readonly environment?: string;
  /**
   * Trust jobs that run for this tag (subject `...:ref:refs/tags/{tag}`).
   * @default - not a tag trust
   */
  readonly tag?: string;
  /**
   * Trust jobs triggered by any pull request (subject `...:pull_request`). Anyone who can open a
   * pull request then gets the identity's permissions, so this adds a warning.
   * @default false
   */
  readonly pullRequest?: boolean;
  /**
   * The owner's numeric ID, for the immutable subject form `repo:{owner}@{ownerId}/{repo}@{repositoryId}:...`
   * (the default for repositories created after 15 July 2026). Give it together with `repositoryId`.
   * @default - the name-only subject
   */
  readonly ownerId?: string;
  /**
   * The repository's numeric ID, for the immutable subject form. Give it together with `ownerId`.
   * @default - the name-only subject
   */
  readonly repositoryId?: string;
  /**
   * The token issuer, for GitHub Enterprise Server (`https://HOSTNAME/_services/token`) or an
   * enterprise-specific issuer (`https://token.actions.githubusercontent.com/{enterprise}`).
   * @default "https://token.actions.githubusercontent.com"
   */
  readonly issuerUrl?: string;
}

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
   * The owner's numeric ID, for repositories whose tokens carry the immutable subject
   * `repo:{owner}@{ownerId}/{repo}@{repositoryId}:...`. Give it together with `repositoryId`.
   * @default - the name-only subject
   */
  readonly ownerId?: string;
  /**
   * The repository's numeric ID, for the immutable subject form. Give it together with `ownerId`.
   * @default - the name-only subject
   */
  readonly repositoryId?: string;
  /**
   * A full claims-matching expression over `claims['sub']` and `claims['job_workflow_ref']`, e.g.
   * `claims['sub'] matches 'repo:contoso/infra:*' and claims['job_workflow_ref'] eq 'contoso/infra/.github/workflows/deploy.yml@refs/heads/main'`.
   * @default - not a custom expression
   */
  readonly claimsMatchingExpression?: string;
}

const FLEXIBLE_HINT = 'AppRegistration.addFlexibleFederatedCredential(id, FlexibleTrust.githubActions({ owner, repository, branchPattern }))';

/**
 * Subjects follow GitHub's OIDC reference: `repo:{owner}/{repo}:environment:{name}`,
 * `...:ref:refs/heads/{branch}`, `...:ref:refs/tags/{tag}`, `...:pull_request`, with `:` in a value
 * escaped as `%3A`.
 */
export function githubTrust(input: GitHubActionsTrustProps): TrustSpec {
  const props = given(input);
  const problems: Problem[] = [...requiredProblems(props, ['owner', 'repository'], 'GitHubActionsTrustProps'), ...immutableIdProblems(props)];
  const selectors = (['branch', 'environment', 'tag'] as const).filter((k) => props[k] !== undefined);
  const all = props.pullRequest ? [...selectors, 'pullRequest'] : selectors;
  if (all.length !== 1) {
    problems.push({
      property: all.length ? all.join(', ') : 'branch | environment | tag | pullRequest',
      value: all.length ? all.map((k) => k === 'pullRequest' ? 'true' : String(props[k as 'branch'])).join(', ') : '',
      problem: all.length ? 'a GitHub trust takes exactly one selector, but several were given' : 'a GitHub trust needs a selector',
      fix: 'give exactly one of branch, environment, tag or pullRequest: true; add one credential per selector for more',
    });
  }
  problems.push(...repositoryNameProblems(props));
  for (const key of ['branch', 'tag'] as const) {
    problems.push(...literal(props[key], (value) => /^refs\//.test(value)
      ? [{ property: key, value, problem: 'give the bare name; the library adds refs/heads/ or refs/tags/', fix: `use "${value.replace(/^refs\/(heads|tags)\//, '')}"` }]
      : [...nonEmptyProblems(key, value), ...gitRefProblems(key, value)]));
  }
  problems.push(...literal(props.environment, (v) => (v.trim() ? problemsOf('environment', v, githubEnvironmentNameRule) : nonEmptyProblems('environment', v))));
  const issuer = props.issuerUrl ?? GITHUB_ISSUER;
  problems.push(...literal(issuer, (v) => noTrailingSlash('issuerUrl', v, 'GitHub')));

  const repo = repositoryPart(props);
  let selector: string;
  let label: string;
  const warnings: Warning[] = [...nameOnlyWarnings(props, issuer)];
  if (props.environment !== undefined) {
    selector = `environment:${escapeGitHubValue(props.environment)}`;
    label = `environment ${props.environment}`;
  } else if (props.branch !== undefined) {
    selector = `ref:refs/heads/${escapeGitHubValue(props.branch)}`;
    label = `branch ${props.branch}`;
  } else if (props.tag !== undefined) {
    selector = `ref:refs/tags/${escapeGitHubValue(props.tag)}`;
    label = `tag ${props.tag}`;
  } else {
    selector = 'pull_request';
    label = 'pull requests';
    warnings.push({ rule: 'trusts of every pull request', message: `This trusts every pull request to ${props.owner}/${props.repository}, including ones from forks' `
      + 'authors where workflows run for them: anyone who can open a pull request gets this identity\'s permissions. '
      + 'Prefer an environment with required reviewers.' });
  }
  const subject = `repo:${repo}:${selector}`;
  return {
    platform: TrustPlatform.GITHUB_ACTIONS,
    issuer,
    subject,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: `GitHub Actions ${props.owner}/${props.repository} ${label}`,
    // The selector's kind, then its value whole: a value with a space stays one part, so the name rule sees what it changes.
    nameParts: ['github', props.owner, props.repository, label.slice(0, label.indexOf(' ')), label.slice(label.indexOf(' ') + 1)],
    problems,
    warnings,
    flexibleHint: FLEXIBLE_HINT,
  };
}

/** Branches or tags of a GitHub repository by pattern, or a custom expression over `sub` and `job_workflow_ref`. */
export function flexibleGithubTrust(input: FlexibleGitHubActionsTrustProps): FlexibleTrustSpec {
  const props = given(input);
  const prefix = `repo:${repositoryPart(props)}:ref:refs/`;
  return flexibleSpec({
    issuer: GITHUB_ISSUER,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    claims: ['sub', 'job_workflow_ref'],
    selectors: {
      branchPattern: props.branchPattern === undefined ? undefined : `${prefix}heads/${props.branchPattern}`,
      tagPattern: props.tagPattern === undefined ? undefined : `${prefix}tags/${props.tagPattern}`,
    },
    claimsMatchingExpression: props.claimsMatchingExpression,
    description: `GitHub Actions ${props.owner}/${props.repository}`,
    nameParts: ['github', props.owner, props.repository],
    problems: [
      ...requiredProblems(props, ['owner', 'repository'], 'FlexibleGitHubActionsTrustProps'),
      ...repositoryNameProblems(props),
      ...immutableIdProblems(props),
      ...literal(props.branchPattern, (v) => patternPrefixProblems('branchPattern', v)),
      ...literal(props.tagPattern, (v) => patternPrefixProblems('tagPattern', v)),
    ],
  });
}

interface RepositoryNames {
  readonly owner: string;
  readonly repository: string;
  readonly ownerId?: string;
  readonly repositoryId?: string;
}

/**
 * `owner/repo`, or `owner@ownerId/repo@repositoryId` in the immutable form (GitHub docs, "OpenID
 * Connect", immutable subject claims: the ID follows each name after "@").
 */
function repositoryPart(props: RepositoryNames): string {
  return props.ownerId !== undefined && props.repositoryId !== undefined
    ? `${props.owner}@${props.ownerId}/${props.repository}@${props.repositoryId}`
    : `${props.owner}/${props.repository}`;
}

const ID_COMMAND = 'gh api repos/OWNER/REPO --jq ".owner.id, .id"';

function immutableIdProblems(props: RepositoryNames): Problem[] {
  const problems: Problem[] = [];
  if ((props.ownerId === undefined) !== (props.repositoryId === undefined)) {
    problems.push({
      property: props.ownerId === undefined ? 'repositoryId' : 'ownerId', value: String(props.ownerId ?? props.repositoryId),
      problem: 'the immutable subject needs both the owner ID and the repository ID',
      fix: `give both ownerId and repositoryId (${ID_COMMAND}), or neither`,
    });
  }
  for (const key of ['ownerId', 'repositoryId'] as const) {
    const value = props[key];
    if (isLiteral(value) && !/^[0-9]+$/.test(value)) {
      problems.push({ property: key, value, problem: 'GitHub IDs are numbers', fix: `use the numeric ID from ${ID_COMMAND}` });
    }
  }
  return problems;
}

/**
 * On github.com, repositories created, renamed or transferred since 15 July 2026 (and those opted
 * in) get the immutable subject, which a name-only trust never matches. GitHub Enterprise Server
 * (issuer `https://HOSTNAME/_services/token`) has no immutable form.
 */
function nameOnlyWarnings(props: RepositoryNames, issuer: string): Warning[] {
  if (props.ownerId !== undefined || !isLiteral(issuer) || !issuer.startsWith(GITHUB_ISSUER)) return [];
  return [{ rule: 'GitHub trusts that name a repository without its IDs', message: `This trust names ${props.owner}/${props.repository} without its IDs. On github.com, repositories created, renamed or `
    + 'transferred since 15 July 2026 (and those opted in) carry the immutable subject repo:OWNER@OWNER_ID/REPO@REPO_ID:..., '
    + `which a name-only trust never matches. If this repository does, pass ownerId and repositoryId from: ${ID_COMMAND.replace('OWNER/REPO', `${props.owner}/${props.repository}`)}` }];
}

/** Microsoft's own docs once wrote `pull-request`; GitHub's tokens say `pull_request` (Azure/login#178). */
export function githubSubjectProblems(issuer: string, subject: string): Problem[] {
  if (issuer !== GITHUB_ISSUER || !isLiteral(subject) || !subject.endsWith(':pull-request')) return [];
  return [{
    property: 'subject', value: subject,
    problem: 'GitHub writes pull_request with an underscore, so this subject never matches',
    fix: `use "${subject.replace(/:pull-request$/, ':pull_request')}", or Trust.githubActions({ owner, repository, pullRequest: true })`,
  }];
}

function repositoryNameProblems(props: RepositoryNames): Problem[] {
  return [...literal(props.owner, (v) => githubNameProblems('owner', v)), ...literal(props.repository, (v) => githubNameProblems('repository', v))];
}

/**
 * GitHub owners (users and organizations): 1 to 39 letters, digits and hyphens, not starting with a
 * hyphen; repositories: up to 100 letters, digits, ".", "-" and "_".
 */
function githubNameProblems(property: 'owner' | 'repository', value: string): Problem[] {
  const owner = property === 'owner';
  const limit = owner ? 39 : 100;
  const fix = `give the bare ${property} name with GitHub's exact casing (not a URL or "owner/repo")`;
  if (value.length === 0) return [{ property, value, problem: `a GitHub ${property} name must not be empty`, fix }];
  if (value.length > limit) return [{ property, value, problem: `a GitHub ${property} name has at most ${limit} characters; this one has ${value.length}`, fix }];
  const rule = owner ? /^[A-Za-z0-9][A-Za-z0-9-]*$/ : /^[A-Za-z0-9._-]+$/;
  if (rule.test(value)) return [];
  return [{ property, value, problem: `a GitHub ${property} name has only letters, digits${owner ? ' and "-", and does not start with "-"' : ', ".", "-" and "_"'}`, fix }];
}
