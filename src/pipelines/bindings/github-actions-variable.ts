import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of `github_actions_variable`. */
export interface GitHubActionsVariableConfig {
  /** The repository's name, without its owner (`repository`). */
  readonly repository: string;
  /** The variable's name (`variable_name`). */
  readonly variableName: string;
  /** The variable's value, visible to anyone who can read the repository's settings (`value`). */
  readonly value: string;
}

/**
 * The `github_actions_variable` resource: a plain, non-secret variable of a repository, which an
 * environment's variable of the same name overrides in jobs that use the environment. A
 * hand-written binding with the schema of `github/resource_github_actions_variable.go` at
 * integrations/terraform-provider-github v6.13.0.
 *
 * @example
 * new GitHubActionsVariable(stack, 'ClientId', { repository: 'platform', variableName: 'AZURE_CLIENT_ID', value: identity.clientId });
 */
export class GitHubActionsVariable extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'github_actions_variable';

  private readonly config: GitHubActionsVariableConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: GitHubActionsVariableConfig) {
    super(checkedArgs('GitHubActionsVariable.constructor', [scope, id, config]), id, {
      terraformResourceType: GitHubActionsVariable.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'github' },
    });
    this.config = config;
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { repository: this.config.repository, variable_name: this.config.variableName, value: this.config.value };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
