import { Construct } from 'constructs';
import { TerraformDataSource, TerraformMetaArguments, stringToTerraform } from 'cdktf';
import { given, hclString } from '../terraform-values';

/**
 * The argument of the `azuread_application` data source the library sets
 * (`internal/services/applications/application_data_source.go`, azuread v3.7.0).
 */
export interface DataAzureadApplicationConfig extends TerraformMetaArguments {
  /** `client_id`: the app's client ID. */
  readonly clientId: string;
}

/**
 * The `azuread_application` data source, bound by hand; the module
 * `@cdktf/provider-azuread/lib/data-azuread-application` of the cdktf package.
 *
 * @example
 * new DataAzureadApplication(stack, 'App', { clientId: '00000000-0000-0000-0000-000000000000' });
 */
export class DataAzureadApplication extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azuread_application';

  private readonly config: DataAzureadApplicationConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the data source's arguments
   */
  constructor(scope: Construct, id: string, config: DataAzureadApplicationConfig) {
    super(scope, id, {
      terraformResourceType: DataAzureadApplication.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The azuread v3 resource ID, `/applications/{objectId}` (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `object_id`. */
  public get objectId(): string { return this.getStringAttribute('object_id'); }
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
