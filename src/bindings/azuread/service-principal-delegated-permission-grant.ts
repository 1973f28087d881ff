import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringList, stringList } from '../terraform-values';

/**
 * The arguments of `azuread_service_principal_delegated_permission_grant`
 * (`internal/services/serviceprincipals/service_principal_delegated_permission_grant_resource.go`, azuread v3.7.0).
 */
export interface ServicePrincipalDelegatedPermissionGrantConfig extends TerraformMetaArguments {
  /** `service_principal_object_id`: the client's service principal. */
  readonly servicePrincipalObjectId: string;
  /** `resource_service_principal_object_id`: the API's service principal. */
  readonly resourceServicePrincipalObjectId: string;
  /** `claim_values`: the delegated scopes granted. */
  readonly claimValues: string[];
  /**
   * `user_object_id`: grant for one user only.
   * @default - every user (admin consent)
   */
  readonly userObjectId?: string;
}

/**
 * The `azuread_service_principal_delegated_permission_grant` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/service-principal-delegated-permission-grant` of the cdktf package.
 *
 * @example
 * new ServicePrincipalDelegatedPermissionGrant(stack, 'Consent', {
 *   servicePrincipalObjectId: app.principalId, resourceServicePrincipalObjectId: graph.objectId, claimValues: ['User.Read'],
 * });
 */
export class ServicePrincipalDelegatedPermissionGrant extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_service_principal_delegated_permission_grant';

  private readonly config: ServicePrincipalDelegatedPermissionGrantConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: ServicePrincipalDelegatedPermissionGrantConfig) {
    super(scope, id, {
      terraformResourceType: ServicePrincipalDelegatedPermissionGrant.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** `id`. */
  public get id(): string { return this.getStringAttribute('id'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      claim_values: stringList(c.claimValues),
      resource_service_principal_object_id: stringToTerraform(c.resourceServicePrincipalObjectId),
      service_principal_object_id: stringToTerraform(c.servicePrincipalObjectId),
      user_object_id: stringToTerraform(c.userObjectId),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      claim_values: hclStringList(c.claimValues, 'set'),
      resource_service_principal_object_id: hclString(c.resourceServicePrincipalObjectId),
      service_principal_object_id: hclString(c.servicePrincipalObjectId),
      user_object_id: hclString(c.userObjectId),
    });
  }
}
