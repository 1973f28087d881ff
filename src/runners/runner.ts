import { IEntraPrincipal } from '../core/principal';
import { GitHubActionsTrustProps } from '../federation/platforms/github';
import { Trust } from '../federation/trust';
import { TrustPlatform } from '../federation/trust-spec';
import { Problem, invalid } from '../private/problems';
import { argumentProblems, brand, conform, shown } from '../private/shape';
import { ProviderAuth } from '../providers/provider-auth';
import { RunnerChain } from './chain';
import { AzureComputeRunner, isPrincipal } from './kinds/azure-compute';
import { AzurePipelinesRunner } from './kinds/azure-pipelines';
import { CustomOidcRunner } from './kinds/custom-oidc';
import { GitHubActionsRunner } from './kinds/github-actions';
import { GitLabRunner } from './kinds/gitlab';
import { HcpTerraformRunner } from './kinds/hcp-terraform';
import { KubernetesRunner } from './kinds/kubernetes';
import { RunnerKind } from './runner-kind';
import {
  AzureComputeRunnerProps, AzurePipelinesRunnerProps, CustomOidcRunnerProps, GitLabRunnerProps, HcpTerraformRunnerProps, KubernetesRunnerProps,
} from './runner-props';
import { matchToken } from './token';
import { TrustMatch } from './trust-match';

/** Options of `Runner.providerAuth`. */
export interface RunnerAuthOptions {
  /**
   * The tenant to sign in to.
   * @default - the identity's tenant
   */
  readonly tenantId?: string;
}

/**
 * Where Terraform runs: a GitHub Actions job, an Azure Pipelines job, an HCP Terraform workspace, a
 * GitLab job, a Kubernetes pod, Azure compute with a managed identity, or any OIDC issuer. Said once,
 * it gives the trust an identity needs (`trustsFor`), how every provider signs in as that identity
 * from there (`providerAuth`), and whether a trust accepts its token (`matches`). Provider blocks
 * signed in through a runner are checked at synth: the identity must hold a trust the runner's token
 * matches, or wear the identity itself.
 *
 * A factory never throws: problems are reported by the construct the runner is given to.
 *
 * @example
 * const runner = Runner.githubActions({ owner: 'contoso', repository: 'infra', environment: 'production' });
 * app.addFederatedCredential('Deploy', runner.trustsFor(app)[0]);
 * new Microsoft365Provider(stack, 'M365', { auth: runner.providerAuth(app), tenantId });
 */
export class Runner {
  /**
   * A GitHub Actions job, by environment, branch, tag or pull request; providers request its token
   * from the runner (the job needs `permissions: id-token: write`).
   *
   * @param props the repository and exactly one selector, as for `Trust.githubActions`
   */
  public static githubActions(props: GitHubActionsTrustProps): Runner {
    return Runner.checked('Runner.githubActions', props, (p) => new GitHubActionsRunner(p));
  }

  /**
   * An Azure Pipelines job that requests its token through a workload identity federation service
   * connection. With the connection object, the trust is checked; with its ID alone, the trust report
   * says "not verifiable".
   *
   * @param props the service connection, or its ID
   */
  public static azurePipelines(props: AzurePipelinesRunnerProps): Runner {
    return Runner.checked('Runner.azurePipelines', props, (p) => new AzurePipelinesRunner(p));
  }

  /**
   * An HCP Terraform workspace with dynamic credentials, for one run phase or both. Only azurerm and
   * azuread can sign in this way; microsoft365 and azuredevops are refused.
   *
   * @param props the workspace, and the run phase
   */
  public static hcpTerraform(props: HcpTerraformRunnerProps): Runner {
    return Runner.checked('Runner.hcpTerraform', props, (p) => new HcpTerraformRunner(p));
  }

  /**
   * A GitLab CI/CD job with an ID token from `id_tokens`, in a variable or written to a file.
   *
   * @param props the project, ref, and where the token is
   */
  public static gitlab(props: GitLabRunnerProps): Runner {
    return Runner.checked('Runner.gitlab', props, (p) => new GitLabRunner(p));
  }

  /**
   * A Kubernetes pod: AKS workload identity (the webhook's variables) by default, or a projected
   * token file on another cluster.
   *
   * @param props the cluster's issuer, the service account, and the token file on clusters without the webhook
   */
  public static kubernetes(props: KubernetesRunnerProps): Runner {
    return Runner.checked('Runner.kubernetes', props, (p) => new KubernetesRunner(p));
  }

  /**
   * Azure compute that wears a managed identity: a virtual machine or scale set, App Service,
   * Functions, Container Instances, a self-hosted agent. Providers sign in as the identity through
   * IMDS; or as an app registration that trusts the identity, with the identity's token in a file.
   *
   * @param props the identity the machine wears, and the token file
   */
  public static azureCompute(props: AzureComputeRunnerProps = {}): Runner {
    return Runner.checked('Runner.azureCompute', props, (p) => new AzureComputeRunner(p));
  }

  /**
   * A job of any OIDC issuer, with its token in a file or an environment variable.
   *
   * @param props the token's claims and where the run puts it
   */
  public static customOidc(props: CustomOidcRunnerProps): Runner {
    return Runner.checked('Runner.customOidc', props, (p) => new CustomOidcRunner(p));
  }

  /**
   * The runner a set of trusts leaves no doubt about: exactly one trust, of Kubernetes or GitHub
   * Actions; undefined otherwise.
   * @internal
   */
  public static _inferredFrom(trusts: Trust[]): Runner | undefined {
    if (trusts.length !== 1) return undefined;
    const [trust] = trusts;
    if (trust.platform === TrustPlatform.KUBERNETES) return new Runner(new KubernetesRunner({}, trust));
    if (trust.platform === TrustPlatform.GITHUB_ACTIONS) return new Runner(new GitHubActionsRunner({ owner: '', repository: '' }, trust));
    return undefined;
  }

  /**
   * A runner whose props have the shapes their types promise; otherwise one that carries the shape
   * problems (and none of the platform's rules, which would trip on a wrong type), reported by the
   * construct it is given to: a factory never throws.
   */
  private static checked<P>(entryPoint: string, props: P, make: (props: P) => RunnerKind): Runner {
    const shape = argumentProblems(entryPoint, [props]);
    return new Runner(shape.length ? new CustomOidcRunner({ issuer: '', subject: '' } as CustomOidcRunnerProps) : make(props), shape);
  }

  /** The platform, for people: "GitHub Actions", "HCP Terraform", "Azure compute"... */
  public readonly platform: string;
  /** This runner, for people: "GitHub Actions contoso/infra environment production". */
  public readonly description: string;
  /** @internal */
  public readonly _problems: Problem[];

  private constructor(private readonly kind: RunnerKind, shape: Problem[] = []) {
    brand(this, 'Runner');
    this.platform = kind.platform;
    this.description = kind.description;
    this._problems = shape.length ? shape : kind.problems;
  }

  /**
   * The trusts `identity` needs so that this runner's tokens sign in as it: one for most runners, one
   * per run phase for HCP Terraform, none when the machine wears the identity itself or the token's
   * claims are known only to the platform (a service connection named by ID).
   *
   * @param identity the user-assigned identity or app registration providers sign in as
   */
  public trustsFor(identity: IEntraPrincipal): Trust[] {
    return this.kind.trustsFor(requiredIdentity(identity));
  }

  /**
   * How every provider signs in as `identity` from this runner: give it to `Microsoft365Provider`,
   * `AzureDevOpsProvider` or `AzureProviders`, or ask it for the environment form. The providers it is
   * given to check, at synth, that the identity holds a trust this runner's token matches.
   *
   * @param identity the identity providers sign in as
   * @param options the tenant
   */
  public providerAuth(identity: IEntraPrincipal, options: RunnerAuthOptions = {}): ProviderAuth {
    identity = requiredIdentity(identity);
    // The identity has its own message above; the options get the shape check.
    conform('', 'Runner.providerAuth', [identity, options], 1);
    const auth = this.kind.providerAuth(identity, options.tenantId);
    auth._problems.push(...this._problems.map((p) => ({ ...p, property: `runner.${p.property}` })));
    auth._chain = new RunnerChain(this.kind, identity);
    return auth;
  }

  /**
   * Whether `trust` accepts this runner's token (every token, for a runner with one per run phase).
   *
   * @param trust the trust to compare
   */
  public matches(trust: Trust): TrustMatch {
    conform('', 'Runner.matches', [trust]);
    const tokens = this.kind.tokensFor(AN_APP);
    if (tokens.length === 0) return TrustMatch.DOES_NOT_MATCH;
    const results = tokens.map((token) => matchToken(token, { issuer: trust.issuer, match: trust.subject, audience: trust.audience, flexible: false }));
    if (results.every((r) => r === TrustMatch.MATCHES)) return TrustMatch.MATCHES;
    return results.includes(TrustMatch.DOES_NOT_MATCH) ? TrustMatch.DOES_NOT_MATCH : TrustMatch.NOT_VERIFIABLE;
  }

  /**
   * Shell lines to run before Terraform where it runs, for sign-ins that need them: fetching a
   * machine's managed-identity token into the token file, or writing a job's token to a file.
   *
   * @param identity the identity providers sign in as
   */
  public setupLines(identity: IEntraPrincipal): string[] {
    return this.kind.setupLines(requiredIdentity(identity));
  }
}

function requiredIdentity(identity: IEntraPrincipal): IEntraPrincipal {
  if (!isPrincipal(identity)) {
    throw invalid(undefined, {
      property: 'identity', value: undefined, shown: identity === undefined ? undefined : shown(identity),
      problem: 'a runner signs in as an identity of this app', fix: 'pass a UserAssignedIdentity, AppRegistration or another IEntraPrincipal',
    });
  }
  return identity;
}

/**
 * A token's claims do not depend on who signs in, except that a machine presents its managed-identity
 * token only for an app that trusts it: `matches` asks as such an app.
 */
const AN_APP = { signIn: { viaManagedIdentity: false, viaFederation: true } } as IEntraPrincipal;
