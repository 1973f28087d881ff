import { audienceProblems, issuerProblems, subjectProblems } from '../private/federation-rules';
import { Problem, isLiteral, literal } from '../private/problems';
import { fittedCredentialDescription } from '../private/rules';
import { onFirstUse } from '../private/lazy-modules';
import { argumentProblems, brand } from '../private/shape';
import { Warning } from '../private/warnings';
import type { AzureDevOpsLegacyTrustProps, AzureDevOpsTrustProps } from './platforms/azure-devops';
import type * as AzureDevOpsPlatform from './platforms/azure-devops';
import type { CustomTrustProps } from './platforms/custom';
import type * as CustomPlatform from './platforms/custom';
import { GitHubActionsTrustProps, githubSubjectProblems, githubTrust } from './platforms/github';
import type { GitLabTrustProps } from './platforms/gitlab';
import type * as GitLabPlatform from './platforms/gitlab';
import type { GoogleTrustProps } from './platforms/google';
import type * as GooglePlatform from './platforms/google';
import type { KubernetesTrustProps } from './platforms/kubernetes';
import type * as KubernetesPlatform from './platforms/kubernetes';
import type { ManagedIdentityTrustProps } from './platforms/managed-identity';
import type * as ManagedIdentityPlatform from './platforms/managed-identity';
import type { TerraformCloudTrustProps, TerraformCloudWorkspaceProps } from './platforms/terraform-cloud';
import type * as TerraformCloudPlatform from './platforms/terraform-cloud';
import { TrustPlatform, TrustSpec } from './trust-spec';

const DEFAULT_FLEXIBLE_HINT = 'AppRegistration.addFlexibleFederatedCredential(id, FlexibleTrust...)';

/*
 * Each platform's rules load with the first trust of that platform, not with the library: most apps
 * trust one or two platforms. (GitHub's are loaded always: its subject rules check every trust.)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const platforms = {
  azureDevOps: onFirstUse((): typeof AzureDevOpsPlatform => require('./platforms/azure-devops')),
  custom: onFirstUse((): typeof CustomPlatform => require('./platforms/custom')),
  gitlab: onFirstUse((): typeof GitLabPlatform => require('./platforms/gitlab')),
  google: onFirstUse((): typeof GooglePlatform => require('./platforms/google')),
  kubernetes: onFirstUse((): typeof KubernetesPlatform => require('./platforms/kubernetes')),
  managedIdentity: onFirstUse((): typeof ManagedIdentityPlatform => require('./platforms/managed-identity')),
  terraformCloud: onFirstUse((): typeof TerraformCloudPlatform => require('./platforms/terraform-cloud')),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Who may sign in as an identity: the issuer, subject and audience that a workload's OIDC token
 * must carry, exactly (Entra compares them case-sensitively).
 *
 * Build one with the factory for the workload's platform, then add it to an identity with
 * `addFederatedCredential`. A factory never throws: problems are reported, with the construct
 * path and the fix, by the construct the trust is added to.
 *
 * @example
 * identity.addFederatedCredential('Aks', Trust.kubernetes({
 *   issuerUrl: cluster.oidcIssuerUrl, namespace: 'terraform', serviceAccountName: 'terraform-runner',
 * }));
 */
export class Trust {
  /**
   * A Kubernetes service account: subject `system:serviceaccount:{namespace}:{name}`, audience
   * `api://AzureADTokenExchange` (what the azure-workload-identity webhook projects).
   *
   * @param props the cluster's issuer and the service account
   */
  public static kubernetes(props: KubernetesTrustProps): Trust {
    return Trust.checked('Trust.kubernetes', props, (p) => platforms.kubernetes().kubernetesTrust(p));
  }

  /**
   * A GitHub Actions workflow, by environment, branch, tag or pull request. Subjects follow GitHub's
   * OIDC reference: `repo:{owner}/{repo}:environment:{name}`, `...:ref:refs/heads/{branch}`,
   * `...:ref:refs/tags/{tag}`, `...:pull_request`, with `:` in a value escaped as `%3A`.
   *
   * @param props the repository and exactly one selector
   */
  public static githubActions(props: GitHubActionsTrustProps): Trust {
    return Trust.checked('Trust.githubActions', props, githubTrust);
  }

  /**
   * An Azure DevOps workload identity federation service connection, with the issuer and subject
   * read from the connection (new connections use the Entra issuer
   * `https://login.microsoftonline.com/{tenant}/v2.0` and an opaque subject).
   *
   * @param props the connection's issuer and subject
   */
  public static azureDevOps(props: AzureDevOpsTrustProps): Trust {
    return Trust.checked('Trust.azureDevOps', props, (p) => platforms.azureDevOps().azureDevOpsTrust(p));
  }

  /**
   * An Azure DevOps service connection on the legacy Azure DevOps issuer:
   * issuer `https://vstoken.dev.azure.com/{organizationId}`, subject `sc://{org}/{project}/{connection}`.
   * Microsoft retires this issuer on 1 July 2027; convert the connection and use `Trust.azureDevOps`.
   *
   * @param props the organization, project and connection
   */
  public static azureDevOpsLegacy(props: AzureDevOpsLegacyTrustProps): Trust {
    return Trust.checked('Trust.azureDevOpsLegacy', props, (p) => platforms.azureDevOps().azureDevOpsLegacyTrust(p));
  }

  /**
   * One run phase of an HCP Terraform workspace: subject
   * `organization:{org}:project:{project}:workspace:{workspace}:run_phase:{plan|apply}`.
   *
   * @param props the workspace and the run phase
   */
  public static terraformCloud(props: TerraformCloudTrustProps): Trust {
    return Trust.checked('Trust.terraformCloud', props, (p) => platforms.terraformCloud().terraformCloudTrust(p));
  }

  /**
   * The plan and apply trusts of one HCP Terraform workspace, which needs both (the subject is matched exactly).
   *
   * @param props the workspace
   */
  public static terraformCloudRunPhases(props: TerraformCloudWorkspaceProps): Trust[] {
    const shape = argumentProblems('Trust.terraformCloudRunPhases', [props]);
    const { TerraformRunPhase } = platforms.terraformCloud();
    return [TerraformRunPhase.PLAN, TerraformRunPhase.APPLY].map((runPhase) => shape.length
      ? new Trust(unusable(TrustPlatform.TERRAFORM_CLOUD, shape))
      : Trust.terraformCloud({ ...props, runPhase }));
  }

  /**
   * A GitLab CI/CD job: subject `project_path:{path}:ref_type:{branch|tag}:ref:{ref}`, audience
   * the instance URL unless the job requests another.
   *
   * @param props the project, ref type and ref
   */
  public static gitlab(props: GitLabTrustProps): Trust {
    return Trust.checked('Trust.gitlab', props, (p) => platforms.gitlab().gitlabTrust(p));
  }

  /**
   * A user-assigned managed identity that an app registration trusts (for example, to act in
   * another tenant with the app). Issuer `https://login.microsoftonline.com/{tenant}/v2.0`, subject
   * the identity's principal ID, audience per cloud. Only apps accept this trust.
   *
   * @param props the managed identity's principal ID and tenant
   */
  public static managedIdentity(props: ManagedIdentityTrustProps): Trust {
    return Trust.checked('Trust.managedIdentity', props, (p) => platforms.managedIdentity().managedIdentityTrust(p));
  }

  /**
   * A Google Cloud service account: issuer `https://accounts.google.com`, subject its numeric unique ID.
   *
   * @param props the service account's unique ID
   */
  public static google(props: GoogleTrustProps): Trust {
    return Trust.checked('Trust.google', props, (p) => platforms.google().googleTrust(p));
  }

  /**
   * Any OIDC issuer, with its exact issuer, subject and audience.
   *
   * @param props the token's claims
   */
  public static custom(props: CustomTrustProps): Trust {
    return Trust.checked('Trust.custom', props, (p) => platforms.custom().customTrust(p));
  }

  /**
   * A trust from a platform's rules, or, when the props are not the shape their type promises (a
   * plain JavaScript caller), an unusable trust that carries the problems to the construct it is
   * added to: a factory never throws.
   */
  private static checked<P>(entryPoint: string, props: P, rules: (props: P) => TrustSpec): Trust {
    const shape = argumentProblems(entryPoint, [props]);
    return new Trust(shape.length ? unusable(PLATFORMS[entryPoint], shape) : rules(props));
  }

  /** The platform whose tokens this trust accepts. */
  public readonly platform: TrustPlatform;
  /** The token's required `iss` claim. */
  public readonly issuer: string;
  /** The token's required `sub` claim. */
  public readonly subject: string;
  /** The token's required `aud` claim (a credential has exactly one). */
  public readonly audience: string;
  /** A human-readable description, written to the credential where the resource has one. */
  public readonly description: string;

  /**
   * Readable parts for a derived credential name, or undefined when a part is only known at plan time.
   * @internal
   */
  public readonly _nameParts?: string[];
  /** @internal */
  public readonly _problems: Problem[];
  /** @internal */
  public readonly _warnings: Warning[];
  /**
   * Why only an app registration can hold this trust, when that is so.
   * @internal
   */
  public readonly _appsOnly?: string;
  /**
   * The tenant the token comes from, when it must be the target's (a managed identity's).
   * @internal
   */
  public readonly _tenantId?: string;

  private constructor(spec: TrustSpec) {
    brand(this, 'Trust');
    this.platform = spec.platform;
    this.issuer = spec.issuer;
    this.subject = spec.subject;
    this.audience = spec.audience;
    this.description = fittedCredentialDescription(spec.description);
    this._nameParts = spec.nameParts?.every(isLiteral) ? spec.nameParts : undefined;
    this._warnings = spec.warnings ?? [];
    this._appsOnly = spec.appsOnly;
    this._tenantId = spec.tenantId;
    this._problems = spec.unusable ? spec.problems : [
      ...literal(spec.issuer, (v) => issuerProblems('issuer', v)),
      ...literal(spec.subject, (v) => subjectProblems('subject', v, spec.flexibleHint ?? DEFAULT_FLEXIBLE_HINT)),
      ...literal(spec.audience, (v) => audienceProblems('audience', v)),
      ...githubSubjectProblems(spec.issuer, spec.subject),
      ...spec.problems,
    ];
  }
}

const PLATFORMS: { [entryPoint: string]: TrustPlatform } = {
  'Trust.kubernetes': TrustPlatform.KUBERNETES,
  'Trust.githubActions': TrustPlatform.GITHUB_ACTIONS,
  'Trust.azureDevOps': TrustPlatform.AZURE_DEVOPS,
  'Trust.azureDevOpsLegacy': TrustPlatform.AZURE_DEVOPS,
  'Trust.terraformCloud': TrustPlatform.TERRAFORM_CLOUD,
  'Trust.gitlab': TrustPlatform.GITLAB,
  'Trust.managedIdentity': TrustPlatform.MANAGED_IDENTITY,
  'Trust.google': TrustPlatform.GOOGLE,
  'Trust.custom': TrustPlatform.CUSTOM,
};

/** A trust whose props were not usable: empty claims, and the problems that say why. */
function unusable(platform: TrustPlatform, problems: Problem[]): TrustSpec {
  return { platform, issuer: '', subject: '', audience: '', description: '', problems, unusable: true };
}
