import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of `tfe_variable`, for a workspace's plain environment variables. */
export interface TfeVariableConfig {
  /** The workspace's ID, `ws-` and 16 letters or digits (`workspace_id`). */
  readonly workspaceId: string;
  /** The variable's name (`key`). */
  readonly key: string;
  /** The variable's value (`value`). */
  readonly value: string;
  /**
   * A description (`description`).
   * @default - none
   */
  readonly description?: string;
}

/**
 * The `tfe_variable` resource, always `category = "env"` and `sensitive = false`: the library writes
 * only values that are not secret. A hand-written binding with the schema of
 * `internal/provider/resource_tfe_variable.go` at hashicorp/terraform-provider-tfe v0.80.0
 * (`value_wo` and `variable_set_id` are left out).
 *
 * @example
 * new TfeVariable(stack, 'ProviderAuth', { workspaceId: 'ws-AbCdEfGh12345678', key: 'TFC_AZURE_PROVIDER_AUTH', value: 'true' });
 */
export class TfeVariable extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'tfe_variable';

  private readonly config: TfeVariableConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: TfeVariableConfig) {
    super(checkedArgs('TfeVariable.constructor', [scope, id, config]), id, {
      terraformResourceType: TfeVariable.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'tfe' },
    });
    this.config = config;
  }

  /** The variable's ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      workspace_id: this.config.workspaceId,
      key: this.config.key,
      value: this.config.value,
      category: 'env',
      sensitive: false,
      description: this.config.description,
    };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
