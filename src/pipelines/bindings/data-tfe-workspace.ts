import { Construct } from 'constructs';
import { TerraformDataSource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of the `tfe_workspace` data source. */
export interface DataTfeWorkspaceConfig {
  /** The workspace's name (`name`). */
  readonly name: string;
  /** The organization (`organization`). */
  readonly organization: string;
}

/**
 * The `tfe_workspace` data source, by name. A hand-written binding with the schema of
 * `internal/provider/data_source_workspace.go` at hashicorp/terraform-provider-tfe v0.80.0.
 *
 * @example
 * const workspace = new DataTfeWorkspace(stack, 'Workspace', { name: 'platform-prod', organization: 'contoso' });
 */
export class DataTfeWorkspace extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'tfe_workspace';

  private readonly config: DataTfeWorkspaceConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the data source's arguments
   */
  constructor(scope: Construct, id: string, config: DataTfeWorkspaceConfig) {
    super(checkedArgs('DataTfeWorkspace.constructor', [scope, id, config]), id, {
      terraformResourceType: DataTfeWorkspace.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'tfe' },
    });
    this.config = config;
  }

  /** The workspace's ID (`ws-...`). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { name: this.config.name, organization: this.config.organization };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
