import { IEntraPrincipal } from '../core/principal';
import { GitLabTrustProps } from '../federation/platforms/gitlab';
import { KubernetesTrustProps } from '../federation/platforms/kubernetes';
import { TerraformCloudWorkspaceProps, TerraformRunPhase } from '../federation/platforms/terraform-cloud';
import { IServiceConnection } from '../core/service-connection';

/** Azure compute with a managed identity, for `Runner.azureCompute`. */
export interface AzureComputeRunnerProps {
  /**
   * The identity attached to the machine (a virtual machine or scale set, App Service, Functions,
   * Container Instances, a self-hosted agent): a user-assigned identity, or the system-assigned one
   * (`SystemAssignedIdentity.fromPrincipalId`). Providers sign in as it through IMDS, or, when they
   * sign in as an app registration, present its token as the app's credential.
   * @default - the machine wears the identity the providers sign in as
   */
  readonly identity?: IEntraPrincipal;
  /**
   * The file the run writes the machine's managed-identity token to, when providers sign in as an app
   * with it (see `Runner.setupLines`).
   * @default ".azure-identity-token", in the directory Terraform runs in (providers inherit it)
   */
  readonly tokenFilePath?: string;
}

/** An Azure Pipelines job, for `Runner.azurePipelines`: give the service connection, or its ID alone. */
export interface AzurePipelinesRunnerProps {
  /**
   * The service connection the job uses. With it, the library checks that the trust matches the
   * connection's token.
   * @default - give serviceConnectionId; the trust report then says "not verifiable"
   */
  readonly serviceConnection?: IServiceConnection;
  /**
   * The service connection's ID, when the connection is not an object of this app.
   * @default - the ID of serviceConnection
   */
  readonly serviceConnectionId?: string;
}

/** A job of any OIDC issuer, for `Runner.customOidc`: its token's claims, and where the run puts the token. */
export interface CustomOidcRunnerProps {
  /** The token's `iss` claim. */
  readonly issuer: string;
  /** The token's `sub` claim. */
  readonly subject: string;
  /**
   * The token's `aud` claim.
   * @default "api://AzureADTokenExchange"
   */
  readonly audience?: string;
  /**
   * A file the run writes the token to.
   * @default - give tokenEnvironmentVariable instead
   */
  readonly tokenFilePath?: string;
  /**
   * The environment variable that holds the token (not for microsoft365, which reads tokens only from files).
   * @default - give tokenFilePath instead
   */
  readonly tokenEnvironmentVariable?: string;
}

/** A GitLab CI/CD job, for `Runner.gitlab`. */
export interface GitLabRunnerProps extends GitLabTrustProps {
  /**
   * The variable the job's `id_tokens` puts the token in. azurerm, azuread and azuredevops read it
   * through ARM_OIDC_TOKEN (the environment form copies it); microsoft365 needs a file (`tokenFilePath`).
   * @default "GITLAB_OIDC_TOKEN"
   */
  readonly tokenEnvironmentVariable?: string;
  /**
   * A file the job writes the token to before Terraform runs (microsoft365 reads tokens only from files).
   * @default - the token stays in tokenEnvironmentVariable
   */
  readonly tokenFilePath?: string;
}

/** An HCP Terraform workspace, for `Runner.hcpTerraform`. */
export interface HcpTerraformRunnerProps extends TerraformCloudWorkspaceProps {
  /**
   * The run phase whose token signs in.
   * @default - both: a workspace that plans and applies presents a plan token and an apply token
   */
  readonly runPhase?: TerraformRunPhase;
}

/** A Kubernetes pod, for `Runner.kubernetes`: the cluster's issuer and the pod's service account. */
export interface KubernetesRunnerProps extends KubernetesTrustProps {
  /**
   * Where the pod's projected service account token is, on a cluster without the azure-workload-identity
   * webhook.
   * @default - AKS workload identity: the webhook injects AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID
   */
  readonly tokenFilePath?: string;
}
