import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';

/** Configuration of `github_repository_environment`. */
export interface GitHubRepositoryEnvironmentConfig {
  /** The repository's name, without its owner (`repository`). */
  readonly repository: string;
  /** The environment's name (`environment`). */
  readonly environment: string;
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
    super(scope, id, {
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
    return { repository: this.config.repository, environment: this.config.environment };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
