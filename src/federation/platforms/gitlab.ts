import { gitRefProblems, noTrailingSlash, nonEmptyProblems, patternPrefixProblems } from '../../private/federation-rules';
import { given, requiredProblems, enumProblems } from '../../private/shape';
import { isLiteral, literal, Problem, problemsOf } from '../../private/problems';
import { gitlabProjectPathRule } from '../../private/platform-names';
import { FlexibleTrustSpec, TrustPlatform, TrustSpec, flexibleSpec } from '../trust-spec';

/** Which kind of Git ref a GitLab job runs for. */
export enum GitLabRefType {
  /** A branch. */
  BRANCH = 'branch',
  /** A tag. */
  TAG = 'tag',
}

/** A GitLab CI/CD job, for `Trust.gitlab`. */
export interface GitLabTrustProps {
  /** The project's full path, e.g. `my-group/my-subgroup/my-project`. */
  readonly projectPath: string;
  /** Whether `ref` names a branch or a tag. */
  readonly refType: GitLabRefType;
  /** The branch or tag name. */
  readonly ref: string;
  /**
   * The GitLab instance, reachable from the internet (Entra fetches its keys).
   * @default "https://gitlab.com"
   */
  readonly instanceUrl?: string;
  /**
   * The audience the job requests in `id_tokens.<NAME>.aud`.
   * @default - the instance URL, as GitLab's Azure guide configures it
   */
  readonly audience?: string;
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

const GITLAB_COM = 'https://gitlab.com';

/** Subject `project_path:{path}:ref_type:{branch|tag}:ref:{ref}`, audience the instance URL unless the job requests another. */
export function gitlabTrust(input: GitLabTrustProps): TrustSpec {
  const props = given(input);
  const instance = props.instanceUrl ?? GITLAB_COM;
  const problems: Problem[] = [
    ...requiredProblems(props, ['projectPath', 'refType', 'ref'], 'GitLabTrustProps'),
    ...literal(instance, (v) => noTrailingSlash('instanceUrl', v, 'GitLab')),
    ...enumProblems('refType', props.refType, GitLabRefType, 'GitLabRefType', 'GitLab tokens carry ref_type branch or tag'),
    ...literal(props.projectPath, projectPathProblems),
    ...literal(props.ref, (v) => shortRefProblems('ref', v)),
  ];
  return {
    platform: TrustPlatform.GITLAB,
    issuer: instance,
    subject: `project_path:${props.projectPath}:ref_type:${props.refType}:ref:${props.ref}`,
    audience: props.audience ?? instance,
    description: `GitLab ${props.projectPath} ${props.refType} ${props.ref}`,
    nameParts: ['gitlab', props.projectPath, props.refType, props.ref],
    problems,
  };
}

/** Branches or tags of a GitLab project by pattern, or a custom expression over `sub`. */
export function flexibleGitlabTrust(input: FlexibleGitLabTrustProps): FlexibleTrustSpec {
  const props = given(input);
  const instance = props.instanceUrl ?? GITLAB_COM;
  const prefix = `project_path:${props.projectPath}:ref_type:`;
  const unsupported = isLiteral(instance) && instance !== GITLAB_COM && !/^https:\/\/gitlab\.[a-z0-9-]+\.(com|ca)$/.test(instance);
  return flexibleSpec({
    issuer: instance,
    audience: props.audience ?? instance,
    claims: ['sub'],
    selectors: {
      branchPattern: props.branchPattern === undefined ? undefined : `${prefix}branch:ref:${props.branchPattern}`,
      tagPattern: props.tagPattern === undefined ? undefined : `${prefix}tag:ref:${props.tagPattern}`,
    },
    claimsMatchingExpression: props.claimsMatchingExpression,
    description: `GitLab ${props.projectPath}`,
    nameParts: ['gitlab', props.projectPath],
    problems: [
      ...requiredProblems(props, ['projectPath'], 'FlexibleGitLabTrustProps'),
      ...literal(props.projectPath, projectPathProblems),
      ...literal(props.branchPattern, (v) => patternPrefixProblems('branchPattern', v)),
      ...literal(props.tagPattern, (v) => patternPrefixProblems('tagPattern', v)),
      ...(unsupported ? [{
        property: 'instanceUrl', value: instance,
        problem: 'flexible credentials accept GitLab tokens only from https://gitlab.com, https://gitlab.<name>.com or https://gitlab.<name>.ca',
        fix: 'use an ordinary credential (Trust.gitlab) per branch for a self-managed instance',
      }] : []),
    ],
  });
}

/** A project path is the "group/subgroup/project" path of the project's URL, not the URL itself. */
function projectPathProblems(value: string): Problem[] {
  const url = /^[a-z]+:\/\/[^/]+\/(.*?)(?:\.git)?\/?$/i.exec(value);
  if (url) {
    return [{ property: 'projectPath', value, problem: 'a project path is the path of the project, not its URL', fix: `use "${url[1]}"` }];
  }
  if (/^\/|\/$/.test(value) || !value.includes('/')) {
    return [{ property: 'projectPath', value, problem: 'a project path is the full "group/project" path, with no leading or trailing slash', fix: 'copy it from the project URL, e.g. "my-group/my-project"' }];
  }
  return problemsOf('projectPath', value, gitlabProjectPathRule);
}

/** GitLab's `ref` claim holds the short name (`main`, `v1.2`), and git's ref-name rules apply to it. */
function shortRefProblems(property: string, value: string): Problem[] {
  const full = /^refs\/(heads|tags)\/(.+)$/.exec(value);
  if (full) {
    return [{ property, value, problem: 'GitLab tokens carry the short ref name in the ref claim', fix: `use "${full[2]}"` }];
  }
  return [...nonEmptyProblems(property, value), ...(value.trim() ? gitRefProblems(property, value) : [])];
}
