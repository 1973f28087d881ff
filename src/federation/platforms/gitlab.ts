import { noTrailingSlash } from '../../private/federation-rules';
import { Problem, isLiteral, literal } from '../../private/problems';
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
export function gitlabTrust(props: GitLabTrustProps): TrustSpec {
  const instance = props.instanceUrl ?? GITLAB_COM;
  const problems: Problem[] = [...literal(instance, (v) => noTrailingSlash('instanceUrl', v, 'GitLab'))];
  const refTypes: string[] = Object.values(GitLabRefType);
  if (!refTypes.includes(props.refType)) {
    problems.push({ property: 'refType', value: String(props.refType), problem: 'GitLab tokens carry ref_type branch or tag', fix: 'use GitLabRefType.BRANCH or GitLabRefType.TAG' });
  }
  if (isLiteral(props.projectPath) && (/^\/|\/$/.test(props.projectPath) || !props.projectPath.includes('/'))) {
    problems.push({ property: 'projectPath', value: props.projectPath, problem: 'a project path is the full "group/project" path, with no leading or trailing slash', fix: 'copy it from the project URL, e.g. "my-group/my-project"' });
  }
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
export function flexibleGitlabTrust(props: FlexibleGitLabTrustProps): FlexibleTrustSpec {
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
    problems: unsupported ? [{
      property: 'instanceUrl', value: instance,
      problem: 'flexible credentials accept GitLab tokens only from https://gitlab.com, https://gitlab.<name>.com or https://gitlab.<name>.ca',
      fix: 'use an ordinary credential (Trust.gitlab) per branch for a self-managed instance',
    }] : [],
  });
}
