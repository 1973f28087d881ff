import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringList, stringList } from '../terraform-values';

/**
 * The arguments of `azurerm_federated_identity_credential`
 * (`internal/services/managedidentity/federated_identity_credential_resource.go`, azurerm v4.55.0).
 */
export interface FederatedIdentityCredentialConfig extends TerraformMetaArguments {
  /** `name`: the credential's name, unique on the identity. */
  readonly name: string;
  /** `resource_group_name`: the identity's resource group. */
  readonly resourceGroupName: string;
  /** `parent_id`: the identity's ARM resource ID. */
  readonly parentId: string;
  /** `issuer`: the OIDC issuer URL. */
  readonly issuer: string;
  /** `subject`: the token's subject. */
  readonly subject: string;
  /** `audience`: exactly one audience. */
  readonly audience: string[];
}

/**
 * The `azurerm_federated_identity_credential` resource, bound by hand; the module
 * `@cdktf/provider-azurerm/lib/federated-identity-credential` of the cdktf package.
 *
 * @example
 * new FederatedIdentityCredential(stack, 'Aks', {
 *   name: 'aks', resourceGroupName: 'rg-identity', parentId: identity.id,
 *   issuer: 'https://oidc.example/', subject: 'system:serviceaccount:ns:sa', audience: ['api://AzureADTokenExchange'],
 * });
 */
export class FederatedIdentityCredential extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azurerm_federated_identity_credential';

  private readonly config: FederatedIdentityCredentialConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: FederatedIdentityCredentialConfig) {
    super(scope, id, {
      terraformResourceType: FederatedIdentityCredential.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azurerm', providerVersion: '4.55.0', providerVersionConstraint: '~> 4.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** The credential's ARM resource ID (`id`). */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `name`. */
  public get name(): string { return this.getStringAttribute('name'); }
  /** `issuer`. */
  public get issuer(): string { return this.getStringAttribute('issuer'); }
  /** `subject`. */
  public get subject(): string { return this.getStringAttribute('subject'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      audience: stringList(c.audience),
      issuer: stringToTerraform(c.issuer),
      name: stringToTerraform(c.name),
      parent_id: stringToTerraform(c.parentId),
      resource_group_name: stringToTerraform(c.resourceGroupName),
      subject: stringToTerraform(c.subject),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      audience: hclStringList(c.audience),
      issuer: hclString(c.issuer),
      name: hclString(c.name),
      parent_id: hclString(c.parentId),
      resource_group_name: hclString(c.resourceGroupName),
      subject: hclString(c.subject),
    });
  }
}
