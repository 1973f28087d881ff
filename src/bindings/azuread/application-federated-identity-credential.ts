import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, stringToTerraform } from 'cdktf';
import { given, hclString, hclStringList, stringList } from '../terraform-values';

/**
 * The arguments of `azuread_application_federated_identity_credential`
 * (`internal/services/applications/application_federated_identity_credential_resource.go`, azuread v3.7.0).
 */
export interface ApplicationFederatedIdentityCredentialConfig extends TerraformMetaArguments {
  /** `application_id`: the app's resource ID, `/applications/{objectId}`. */
  readonly applicationId: string;
  /** `display_name`: the credential's name, unique on the app. */
  readonly displayName: string;
  /** `issuer`: the OIDC issuer URL. */
  readonly issuer: string;
  /** `subject`: the token's subject. */
  readonly subject: string;
  /** `audiences`: exactly one audience. */
  readonly audiences: string[];
  /**
   * `description`.
   * @default - none
   */
  readonly description?: string;
}

/**
 * The `azuread_application_federated_identity_credential` resource, bound by hand; the module
 * `@cdktf/provider-azuread/lib/application-federated-identity-credential` of the cdktf package.
 *
 * @example
 * new ApplicationFederatedIdentityCredential(stack, 'Gh', {
 *   applicationId: app.id, displayName: 'github', issuer: 'https://token.actions.githubusercontent.com',
 *   subject: 'repo:contoso/infra:environment:prod', audiences: ['api://AzureADTokenExchange'],
 * });
 */
export class ApplicationFederatedIdentityCredential extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuread_application_federated_identity_credential';

  private readonly config: ApplicationFederatedIdentityCredentialConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: ApplicationFederatedIdentityCredentialConfig) {
    super(scope, id, {
      terraformResourceType: ApplicationFederatedIdentityCredential.tfResourceType,
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
      audiences: stringList(c.audiences),
      description: stringToTerraform(c.description),
      display_name: stringToTerraform(c.displayName),
      issuer: stringToTerraform(c.issuer),
      subject: stringToTerraform(c.subject),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return given({
      application_id: hclString(c.applicationId),
      audiences: hclStringList(c.audiences, 'set'),
      description: hclString(c.description),
      display_name: hclString(c.displayName),
      issuer: hclString(c.issuer),
      subject: hclString(c.subject),
    });
  }
}
