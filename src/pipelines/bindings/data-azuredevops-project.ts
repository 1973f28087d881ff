import { Construct } from 'constructs';
import { TerraformDataSource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of the `azuredevops_project` data source. */
export interface DataAzureDevOpsProjectConfig {
  /** The project's name (`name`). */
  readonly name: string;
}

/**
 * The `azuredevops_project` data source, by name. A hand-written binding with the schema of
 * `azuredevops/internal/service/core/data_project.go` at microsoft/terraform-provider-azuredevops
 * v1.16.0: its `id` is the project's GUID.
 *
 * @example
 * const project = new DataAzureDevOpsProject(stack, 'Project', { name: 'Platform' });
 */
export class DataAzureDevOpsProject extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azuredevops_project';

  private readonly config: DataAzureDevOpsProjectConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the data source's arguments
   */
  constructor(scope: Construct, id: string, config: DataAzureDevOpsProjectConfig) {
    super(checkedArgs('DataAzureDevOpsProject.constructor', [scope, id, config]), id, {
      terraformResourceType: DataAzureDevOpsProject.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuredevops' },
    });
    this.config = config;
  }

  /** The project's ID, a GUID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { name: this.config.name };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
