import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString } from '../terraform-values';

/**
 * The arguments of `azuread_app_role_assignment`
 * (`internal/services/approleassignments/app_role_assignment_resource.go`, azuread v3.7.0).
 */
export interface AppRoleAssignmentConfig extends TerraformMetaArguments {
  /** `app_role_id`: the app role's ID. */
  readonly appRoleId: string;
  /** `principal_object_id`: who receives the role. */
  readonly principalObjectId: string;
  /** `resource_object_id`: the service principal of the API that defines the role. */
  readonly resourceObjectId: string;
}

/**
 * The `azuread_app_role_assignment` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/app-role-assignment` of the cdktf package.
 *
 * @example
 * new AppRoleAssignment(stack, 'UserReadAll', { appRoleId, principalObjectId: identity.principalId, resourceObjectId: graph.objectId });
 */
export class AppRoleAssignment extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_app_role_assignment';

  private readonly config: AppRoleAssignmentConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: AppRoleAssignmentConfig) {
    super(scope, id, {
      terraformResourceType: AppRoleAssignment.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** `id`. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `principal_display_name`, known after apply. */
  public get principalDisplayName(): string { return this.getStringAttribute('principal_display_name'); }
  /** `resource_display_name`, known after apply. */
  public get resourceDisplayName(): string { return this.getStringAttribute('resource_display_name'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      app_role_id: stringToTerraform(c.appRoleId),
      principal_object_id: stringToTerraform(c.principalObjectId),
      resource_object_id: stringToTerraform(c.resourceObjectId),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      app_role_id: hclString(c.appRoleId),
      principal_object_id: hclString(c.principalObjectId),
      resource_object_id: hclString(c.resourceObjectId),
    });
  }
}
