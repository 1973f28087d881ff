import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, Tokenization, listMapper, listMapperHcl, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringList, stringList } from '../terraform-values';

/** One permission in `required_resource_access.resource_access`. */
export interface ApplicationRequiredResourceAccessResourceAccess {
  /** `id`: the app role or scope ID (named as in the prebuilt binding). */
  readonly id: string;
  /** `type`: "Role" for an app role, "Scope" for a delegated scope. */
  readonly type: string;
}

/** One `required_resource_access` block: the permissions declared on one API. */
export interface ApplicationRequiredResourceAccess {
  /** `resource_app_id`: the API's client ID. */
  readonly resourceAppId: string;
  /** `resource_access`: the permissions. */
  readonly resourceAccess: ApplicationRequiredResourceAccessResourceAccess[];
}

/**
 * The arguments of `azuread_application` the library sets
 * (`internal/services/applications/application_resource.go`, azuread v3.7.0).
 */
export interface ApplicationConfig extends TerraformMetaArguments {
  /** `display_name`. */
  readonly displayName: string;
  /**
   * `owners`: object IDs.
   * @default - the principal running Terraform
   */
  readonly owners?: string[];
  /**
   * `sign_in_audience`.
   * @default "AzureADMyOrg"
   */
  readonly signInAudience?: string;
  /**
   * `description`.
   * @default - none
   */
  readonly description?: string;
  /**
   * `tags`.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * `required_resource_access` blocks.
   * @default - none
   */
  readonly requiredResourceAccess?: ApplicationRequiredResourceAccess[];
}

const resourceAccessJson = (a: ApplicationRequiredResourceAccessResourceAccess): unknown =>
  Tokenization.isResolvable(a) ? a : { id: stringToTerraform(a.id), type: stringToTerraform(a.type) };
const requiredResourceAccessJson = (r: ApplicationRequiredResourceAccess): unknown => Tokenization.isResolvable(r) ? r : {
  resource_access: listMapper(resourceAccessJson, true)(r.resourceAccess),
  resource_app_id: stringToTerraform(r.resourceAppId),
};
const resourceAccessHcl = (a: ApplicationRequiredResourceAccessResourceAccess): unknown =>
  Tokenization.isResolvable(a) ? a : given({ id: hclString(a.id), type: hclString(a.type) });
const requiredResourceAccessHcl = (r: ApplicationRequiredResourceAccess): unknown => Tokenization.isResolvable(r) ? r : given({
  resource_app_id: hclString(r.resourceAppId),
  resource_access: {
    value: listMapperHcl(resourceAccessHcl, true)(r.resourceAccess), isBlock: true, type: 'list',
    storageClassType: 'ApplicationRequiredResourceAccessResourceAccessList',
  },
});

/**
 * The `azuread_application` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/application` of the cdktf package.
 *
 * @example
 * new Application(stack, 'App', { displayName: 'terraform-ci' });
 */
export class Application extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_application';

  private readonly config: ApplicationConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: ApplicationConfig) {
    super(scope, id, {
      terraformResourceType: Application.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The azuread v3 resource ID, `/applications/{objectId}` (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `client_id`, known after apply. */
  public get clientId(): string { return this.getStringAttribute('client_id'); }
  /** `object_id`, known after apply. */
  public get objectId(): string { return this.getStringAttribute('object_id'); }
  /** `display_name`. */
  public get displayName(): string { return this.getStringAttribute('display_name'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      description: stringToTerraform(c.description),
      display_name: stringToTerraform(c.displayName),
      owners: stringList(c.owners),
      sign_in_audience: stringToTerraform(c.signInAudience),
      tags: stringList(c.tags),
      required_resource_access: listMapper(requiredResourceAccessJson, true)(c.requiredResourceAccess),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      owners: hclStringList(c.owners, 'set'),
      sign_in_audience: hclString(c.signInAudience),
      tags: hclStringList(c.tags, 'set'),
      required_resource_access: {
        value: listMapperHcl(requiredResourceAccessHcl, true)(c.requiredResourceAccess), isBlock: true, type: 'set',
        storageClassType: 'ApplicationRequiredResourceAccessList',
      },
    });
  }
}
