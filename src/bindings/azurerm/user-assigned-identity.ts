import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringMap, stringMap } from '../terraform-values';

/**
 * The arguments of `azurerm_user_assigned_identity`
 * (`internal/services/managedidentity/user_assigned_identity_resource.go`, azurerm v4.55.0).
 */
export interface UserAssignedIdentityConfig extends TerraformMetaArguments {
  /** `name`: the identity's name. */
  readonly name: string;
  /** `resource_group_name`: the resource group to create it in. */
  readonly resourceGroupName: string;
  /** `location`: the Azure region. */
  readonly location: string;
  /**
   * `tags`.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/**
 * The `azurerm_user_assigned_identity` resource, bound by hand; the module
 * `@cdktf/provider-azurerm/lib/user-assigned-identity` of the cdktf package.
 *
 * @example
 * new UserAssignedIdentity(stack, 'Identity', { name: 'id-ci', resourceGroupName: 'rg-identity', location: 'westeurope' });
 */
export class UserAssignedIdentity extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azurerm_user_assigned_identity';

  private readonly config: UserAssignedIdentityConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: UserAssignedIdentityConfig) {
    super(scope, id, {
      terraformResourceType: UserAssignedIdentity.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azurerm', providerVersion: '4.55.0', providerVersionConstraint: '~> 4.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The ARM resource ID (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `client_id`, known after apply. */
  public get clientId(): string { return this.getStringAttribute('client_id'); }
  /** `principal_id`, known after apply. */
  public get principalId(): string { return this.getStringAttribute('principal_id'); }
  /** `tenant_id`, known after apply. */
  public get tenantId(): string { return this.getStringAttribute('tenant_id'); }
  /** `name`. */
  public get name(): string { return this.getStringAttribute('name'); }
  /** `resource_group_name`. */
  public get resourceGroupName(): string { return this.getStringAttribute('resource_group_name'); }
  /** `location`. */
  public get location(): string { return this.getStringAttribute('location'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      location: stringToTerraform(this.config.location),
      name: stringToTerraform(this.config.name),
      resource_group_name: stringToTerraform(this.config.resourceGroupName),
      tags: stringMap(this.config.tags),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return given({
      location: hclString(this.config.location),
      name: hclString(this.config.name),
      resource_group_name: hclString(this.config.resourceGroupName),
      tags: hclStringMap(this.config.tags),
    });
  }
}
