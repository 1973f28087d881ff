import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of `github_actions_environment_variable`. */
export interface GitHubActionsEnvironmentVariableConfig {
  /** The repository's name, without its owner (`repository`). */
  readonly repository: string;
  /** The environment's name (`environment`). */
  readonly environment: string;
  /** The variable's name (`variable_name`). */
  readonly variableName: string;
  /** The variable's value, visible to anyone who can read the repository's settings (`value`). */
  readonly value: string;
}

/**
 * The `github_actions_environment_variable` resource: a plain, non-secret variable of an environment.
 * A hand-written binding with the schema of `github/resource_github_actions_environment_variable.go`
 * at integrations/terraform-provider-github v6.13.0.
 *
 * @example
 * new GitHubActionsEnvironmentVariable(stack, 'ClientId', { repository: 'platform', environment: 'production', variableName: 'AZURE_CLIENT_ID', value: identity.clientId });
 */
export class GitHubActionsEnvironmentVariable extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'github_actions_environment_variable';

  private readonly config: GitHubActionsEnvironmentVariableConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: GitHubActionsEnvironmentVariableConfig) {
    super(checkedArgs('GitHubActionsEnvironmentVariable.constructor', [scope, id, config]), id, {
      terraformResourceType: GitHubActionsEnvironmentVariable.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'github' },
    });
    this.config = config;
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { repository: this.config.repository, environment: this.config.environment, variable_name: this.config.variableName, value: this.config.value };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
