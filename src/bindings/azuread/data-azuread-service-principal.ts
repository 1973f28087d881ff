import { Construct } from 'constructs';
import { StringMap, TerraformDataSource, TerraformMetaArguments, stringToTerraform } from 'cdktf';
import { given, hclString } from '../terraform-values';

/**
 * The argument of the `azuread_service_principal` data source the library sets
 * (`internal/services/serviceprincipals/service_principal_data_source.go`, azuread v3.7.0).
 */
export interface DataAzureadServicePrincipalConfig extends TerraformMetaArguments {
  /** `client_id`: the client ID of the app whose service principal is read. */
  readonly clientId: string;
}

/**
 * The `azuread_service_principal` data source, bound by hand; the module
 * `@cdktf/provider-azuread/lib/data-azuread-service-principal` of the cdktf package.
 *
 * @example
 * new DataAzureadServicePrincipal(stack, 'Graph', { clientId: '00000003-0000-0000-c000-000000000000' });
 */
export class DataAzureadServicePrincipal extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azuread_service_principal';

  private readonly config: DataAzureadServicePrincipalConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the data source's arguments
   */
  constructor(scope: Construct, id: string, config: DataAzureadServicePrincipalConfig) {
    super(scope, id, {
      terraformResourceType: DataAzureadServicePrincipal.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** `id`. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `object_id`: the service principal's object ID. */
  public get objectId(): string { return this.getStringAttribute('object_id'); }
  /** `application_tenant_id`: the tenant of the app. */
  public get applicationTenantId(): string { return this.getStringAttribute('application_tenant_id'); }
  /** `app_role_ids`: app role values to IDs. */
  public get appRoleIds(): StringMap { return new StringMap(this, 'app_role_ids'); }
  /** `display_name`. */
  public get displayName(): string { return this.getStringAttribute('display_name'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { client_id: stringToTerraform(this.config.clientId) };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return given({ client_id: hclString(this.config.clientId) });
  }
}
