import { Construct } from 'constructs';
import { StringMap, TerraformDataSource, TerraformMetaArguments, stringToTerraform } from 'cdktf';
import { given, hclString } from '../terraform-values';

/**
 * The arguments of the `azurerm_user_assigned_identity` data source
 * (`internal/services/managedidentity/user_assigned_identity_data_source.go`, azurerm v4.55.0).
 */
export interface DataAzurermUserAssignedIdentityConfig extends TerraformMetaArguments {
  /** `name`: the identity's name. */
  readonly name: string;
  /** `resource_group_name`: the resource group that holds it. */
  readonly resourceGroupName: string;
}

/**
 * The `azurerm_user_assigned_identity` data source, bound by hand; the module
 * `@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity` of the cdktf package.
 *
 * @example
 * const found = new DataAzurermUserAssignedIdentity(stack, 'Runner', { name: 'id-ci', resourceGroupName: 'rg-identity' });
 */
export class DataAzurermUserAssignedIdentity extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azurerm_user_assigned_identity';

  private readonly config: DataAzurermUserAssignedIdentityConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the data source's arguments
   */
  constructor(scope: Construct, id: string, config: DataAzurermUserAssignedIdentityConfig) {
    super(scope, id, {
      terraformResourceType: DataAzurermUserAssignedIdentity.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azurerm', providerVersion: '4.55.0', providerVersionConstraint: '~> 4.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The ARM resource ID (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `client_id`. */
  public get clientId(): string { return this.getStringAttribute('client_id'); }
  /** `principal_id`. */
  public get principalId(): string { return this.getStringAttribute('principal_id'); }
  /** `tenant_id`. */
  public get tenantId(): string { return this.getStringAttribute('tenant_id'); }
  /** `location`. */
  public get location(): string { return this.getStringAttribute('location'); }
  /** `tags`. */
  public get tags(): StringMap { return new StringMap(this, 'tags'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: stringToTerraform(this.config.name),
      resource_group_name: stringToTerraform(this.config.resourceGroupName),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return given({ name: hclString(this.config.name), resource_group_name: hclString(this.config.resourceGroupName) });
  }
}
