import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of `github_repository_environment`. */
export interface GitHubRepositoryEnvironmentConfig {
  /** The repository's name, without its owner (`repository`). */
  readonly repository: string;
  /** The environment's name (`environment`). */
  readonly environment: string;
  /**
   * Whether repository administrators may bypass the protection rules (`can_admins_bypass`).
   * @default true (the provider's default)
   */
  readonly canAdminsBypass?: boolean;
  /**
   * Whether the user who started a run may not approve it (`prevent_self_review`).
   * @default false (the provider's default)
   */
  readonly preventSelfReview?: boolean;
  /**
   * Minutes to wait before a job that uses the environment starts, 0 to 43200 (`wait_timer`).
   * @default - no wait
   */
  readonly waitTimer?: number;
  /**
   * Up to 6 user IDs who may approve jobs (`reviewers { users }`).
   * @default - no user reviewers
   */
  readonly reviewerUsers?: number[];
  /**
   * Up to 6 team IDs who may approve jobs (`reviewers { teams }`).
   * @default - no team reviewers
   */
  readonly reviewerTeams?: number[];
  /**
   * Only branches with branch protection rules may deploy (`deployment_branch_policy { protected_branches = true }`).
   * @default false: any branch may deploy
   */
  readonly protectedBranchesOnly?: boolean;
}

/**
 * The `github_repository_environment` resource. A hand-written binding with the schema of
 * `github/resource_github_repository_environment.go` at integrations/terraform-provider-github v6.13.0.
 *
 * @example
 * new GitHubRepositoryEnvironment(stack, 'Production', { repository: 'platform', environment: 'production' });
 */
export class GitHubRepositoryEnvironment extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'github_repository_environment';

  private readonly config: GitHubRepositoryEnvironmentConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: GitHubRepositoryEnvironmentConfig) {
    super(checkedArgs('GitHubRepositoryEnvironment.constructor', [scope, id, config]), id, {
      terraformResourceType: GitHubRepositoryEnvironment.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'github' },
    });
    this.config = config;
  }

  /** The environment's name, as a reference, so that what reads it is created after it. */
  public get environment(): string {
    return this.getStringAttribute('environment');
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    const reviewers = c.reviewerUsers?.length || c.reviewerTeams?.length ? [{ users: c.reviewerUsers, teams: c.reviewerTeams }] : undefined;
    return {
      repository: c.repository,
      environment: c.environment,
      can_admins_bypass: c.canAdminsBypass,
      prevent_self_review: c.preventSelfReview,
      wait_timer: c.waitTimer,
      reviewers,
      // GitHub takes exactly one of the two kinds of policy: protected branches, or name patterns.
      deployment_branch_policy: c.protectedBranchesOnly ? [{ protected_branches: true, custom_branch_policies: false }] : undefined,
    };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
