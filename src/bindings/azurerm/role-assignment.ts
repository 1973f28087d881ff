import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, booleanToTerraform, stringToTerraform } from 'cdktf';
import { given, hclBoolean, hclString } from '../terraform-values';

/**
 * The arguments of `azurerm_role_assignment` the library sets
 * (`internal/services/authorization/role_assignment_resource.go`, azurerm v4.55.0).
 */
export interface RoleAssignmentConfig extends TerraformMetaArguments {
  /** `scope`: the ARM scope the role applies to (named as in the prebuilt binding). */
  readonly scope: string;
  /** `principal_id`: the object ID of the principal. */
  readonly principalId: string;
  /**
   * `principal_type`: User, Group or ServicePrincipal.
   * @default - looked up by Azure
   */
  readonly principalType?: string;
  /**
   * `role_definition_name`, e.g. "Key Vault Secrets User".
   * @default - `roleDefinitionId` must be given
   */
  readonly roleDefinitionName?: string;
  /**
   * `role_definition_id`.
   * @default - `roleDefinitionName` must be given
   */
  readonly roleDefinitionId?: string;
  /**
   * `description`.
   * @default - none
   */
  readonly description?: string;
  /**
   * `skip_service_principal_aad_check`: true for a principal created in the same run.
   * @default - false
   */
  readonly skipServicePrincipalAadCheck?: boolean;
}

/**
 * The `azurerm_role_assignment` resource, bound by hand; the module
 * `@cdktf/provider-azurerm/lib/role-assignment` of the cdktf package.
 *
 * @example
 * new RoleAssignment(stack, 'Reader', { scope: '/subscriptions/00000000-0000-0000-0000-000000000000', principalId, roleDefinitionName: 'Reader' });
 */
export class RoleAssignment extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azurerm_role_assignment';

  private readonly config: RoleAssignmentConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: RoleAssignmentConfig) {
    super(scope, id, {
      terraformResourceType: RoleAssignment.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azurerm', providerVersion: '4.55.0', providerVersionConstraint: '~> 4.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The assignment's ARM resource ID (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `name`: the assignment's GUID. */
  public get name(): string { return this.getStringAttribute('name'); }
  /** `principal_type`. */
  public get principalType(): string { return this.getStringAttribute('principal_type'); }
  /** `role_definition_id`. */
  public get roleDefinitionId(): string { return this.getStringAttribute('role_definition_id'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      description: stringToTerraform(c.description),
      principal_id: stringToTerraform(c.principalId),
      principal_type: stringToTerraform(c.principalType),
      role_definition_id: stringToTerraform(c.roleDefinitionId),
      role_definition_name: stringToTerraform(c.roleDefinitionName),
      scope: stringToTerraform(c.scope),
      skip_service_principal_aad_check: booleanToTerraform(c.skipServicePrincipalAadCheck),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      description: hclString(c.description),
      principal_id: hclString(c.principalId),
      principal_type: hclString(c.principalType),
      role_definition_id: hclString(c.roleDefinitionId),
      role_definition_name: hclString(c.roleDefinitionName),
      scope: hclString(c.scope),
      skip_service_principal_aad_check: hclBoolean(c.skipServicePrincipalAadCheck),
    });
  }
}
