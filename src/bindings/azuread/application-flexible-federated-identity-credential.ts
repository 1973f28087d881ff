import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString } from '../terraform-values';

/**
 * The arguments of `azuread_application_flexible_federated_identity_credential`
 * (`internal/services/applications/application_flexible_federated_identity_credential_resource.go`, azuread v3.7.0).
 */
export interface ApplicationFlexibleFederatedIdentityCredentialConfig extends TerraformMetaArguments {
  /** `application_id`: the app's resource ID, `/applications/{objectId}`. */
  readonly applicationId: string;
  /** `display_name`: the credential's name, unique on the app. */
  readonly displayName: string;
  /** `issuer`: the OIDC issuer URL. */
  readonly issuer: string;
  /** `audience`: the one audience. */
  readonly audience: string;
  /** `claims_matching_expression`: the expression tokens must match. */
  readonly claimsMatchingExpression: string;
  /**
   * `description`.
   * @default - none
   */
  readonly description?: string;
}

/**
 * The `azuread_application_flexible_federated_identity_credential` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/application-flexible-federated-identity-credential` of the cdktf package.
 *
 * @example
 * new ApplicationFlexibleFederatedIdentityCredential(stack, 'Releases', {
 *   applicationId: app.id, displayName: 'releases', issuer: 'https://token.actions.githubusercontent.com',
 *   audience: 'api://AzureADTokenExchange', claimsMatchingExpression: "claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*'",
 * });
 */
export class ApplicationFlexibleFederatedIdentityCredential extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_application_flexible_federated_identity_credential';

  private readonly config: ApplicationFlexibleFederatedIdentityCredentialConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: ApplicationFlexibleFederatedIdentityCredentialConfig) {
    super(scope, id, {
      terraformResourceType: ApplicationFlexibleFederatedIdentityCredential.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      provider: config.provider, dependsOn: config.dependsOn, count: config.count, lifecycle: config.lifecycle,
      provisioners: config.provisioners, connection: config.connection, forEach: config.forEach,
    });
    this.config = config;
  }

  /** `id`. */
  public get id(): string { return this.getStringAttribute('id'); }
  /** `credential_id`, known after apply. */
  public get credentialId(): string { return this.getStringAttribute('credential_id'); }

  /** The block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      application_id: stringToTerraform(c.applicationId),
      audience: stringToTerraform(c.audience),
      claims_matching_expression: stringToTerraform(c.claimsMatchingExpression),
      description: stringToTerraform(c.description),
      display_name: stringToTerraform(c.displayName),
      issuer: stringToTerraform(c.issuer),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      application_id: hclString(c.applicationId),
      audience: hclString(c.audience),
      claims_matching_expression: hclString(c.claimsMatchingExpression),
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      issuer: hclString(c.issuer),
    });
  }
}
