import { Construct } from 'constructs';
import { StringMap, TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringList, stringList } from '../terraform-values';

/**
 * The arguments of `azuread_service_principal` the library sets
 * (`internal/services/serviceprincipals/service_principal_resource.go`, azuread v3.7.0).
 */
export interface ServicePrincipalConfig extends TerraformMetaArguments {
  /** `client_id`: the app's client ID. */
  readonly clientId: string;
  /**
   * `owners`: object IDs.
   * @default - the principal running Terraform
   */
  readonly owners?: string[];
}

/**
 * The `azuread_service_principal` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/service-principal` of the cdktf package.
 *
 * @example
 * new ServicePrincipal(stack, 'Sp', { clientId: app.clientId });
 */
export class ServicePrincipal extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_service_principal';

  private readonly config: ServicePrincipalConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: ServicePrincipalConfig) {
    super(scope, id, {
      terraformResourceType: ServicePrincipal.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** `id`. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `object_id`: the service principal's object (principal) ID. */
  public get objectId(): string { return this.getStringAttribute('object_id'); }
  /** `application_tenant_id`. */
  public get applicationTenantId(): string { return this.getStringAttribute('application_tenant_id'); }
  /** `display_name`. */
  public get displayName(): string { return this.getStringAttribute('display_name'); }
  /** `app_role_ids`: app role values to IDs. */
  public get appRoleIds(): StringMap { return new StringMap(this, 'app_role_ids'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { client_id: stringToTerraform(this.config.clientId), owners: stringList(this.config.owners) };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return given({ client_id: hclString(this.config.clientId), owners: hclStringList(this.config.owners, 'set') });
  }
}
