import { Problem } from '../private/problems';
import { isLiteral } from '../private/validate';
import { guid } from '../private/rules';
import {
  DNS1123_LABEL, DNS1123_SUBDOMAIN, TOKEN_EXCHANGE_AUDIENCE, audienceProblems, dnsProblems,
  escapeGitHubValue, issuerProblems, noTrailingSlash, subjectProblems,
} from '../private/federation-rules';

/** The platform whose tokens a trust accepts. */
export enum TrustPlatform {
  /** A Kubernetes service account (AKS or any cluster with a public OIDC issuer). */
  KUBERNETES = 'Kubernetes',
  /** A GitHub Actions workflow. */
  GITHUB_ACTIONS = 'GitHubActions',
  /** An Azure DevOps workload identity federation service connection. */
  AZURE_DEVOPS = 'AzureDevOps',
  /** An HCP Terraform (Terraform Cloud) or Terraform Enterprise workspace run. */
  TERRAFORM_CLOUD = 'TerraformCloud',
  /** A GitLab CI/CD job. */
  GITLAB = 'GitLab',
  /** A user-assigned managed identity in the same tenant (an app trusting a managed identity). */
  MANAGED_IDENTITY = 'ManagedIdentity',
  /** A Google Cloud service account. */
  GOOGLE = 'Google',
  /** Any other OIDC issuer. */
  CUSTOM = 'Custom',
}

/** The phase of an HCP Terraform run; the token's subject ends with `run_phase:plan` or `run_phase:apply`. */
export enum TerraformRunPhase {
  /** `terraform plan`. */
  PLAN = 'plan',
  /** `terraform apply`. */
  APPLY = 'apply',
}

/** Which kind of Git ref a GitLab job runs for. */
export enum GitLabRefType {
  /** A branch. */
  BRANCH = 'branch',
  /** A tag. */
  TAG = 'tag',
}

/** The Entra ID cloud of a managed identity used as a credential; decides issuer and audience. */
export enum EntraCloud {
  /** Global Azure: `login.microsoftonline.com`, audience `api://AzureADTokenExchange`. */
  PUBLIC = 'Public',
  /** Azure US Government: `login.microsoftonline.us`, audience `api://AzureADTokenExchangeUSGov`. */
  US_GOVERNMENT = 'USGovernment',
  /** Azure operated by 21Vianet: `login.partner.microsoftonline.cn`, audience `api://AzureADTokenExchangeChina`. */
  CHINA = 'China',
}

/** A Kubernetes service account, for `Trust.kubernetes`. */
export interface KubernetesTrustProps {
  /**
   * The cluster's OIDC issuer URL, exactly as it appears in the token's `iss` claim: on AKS,
   * `azurerm_kubernetes_cluster.oidc_issuer_url` or
   * `az aks show --query oidcIssuerProfile.issuerUrl` (it ends with `/`).
   */
  readonly issuerUrl: string;
  /** The service account's namespace. */
  readonly namespace: string;
  /** The service account's name. */
  readonly serviceAccountName: string;
}

/** A GitHub Actions workflow, for `Trust.githubActions`. Give exactly one of `branch`, `environment`, `tag` or `pullRequest`. */
export interface GitHubActionsTrustProps {
  /** The repository owner (user or organization), with GitHub's exact casing. */
  readonly owner: string;
  /** The repository name, with GitHub's exact casing. */
  readonly repository: string;
  /**
   * Trust jobs that run for this branch (subject `...:ref:refs/heads/{branch}`), and have no environment.
   * @default - not a branch trust
   */
  readonly branch?: string;
  /**
   * Trust jobs that run in this deployment environment (subject `...:environment:{environment}`).
   * The safest selector: environments can require reviewers.
   * @default - not an environment trust
   */
  readonly environment?: string;
  /**
   * Trust jobs that run for this tag (subject `...:ref:refs/tags/{tag}`).
   * @default - not a tag trust
   */
  readonly tag?: string;
  /**
   * Trust jobs triggered by any pull request (subject `...:pull_request`). Anyone who can open a
   * pull request then gets the identity's permissions, so this adds a warning.
   * @default false
   */
  readonly pullRequest?: boolean;
  /**
   * The owner's numeric ID, for the immutable subject form `repo:{owner}@{ownerId}/{repo}@{repositoryId}:...`
   * (the default for repositories created after 15 July 2026). Give it together with `repositoryId`.
   * @default - the name-only subject
   */
  readonly ownerId?: string;
  /**
   * The repository's numeric ID, for the immutable subject form. Give it together with `ownerId`.
   * @default - the name-only subject
   */
  readonly repositoryId?: string;
  /**
   * The token issuer, for GitHub Enterprise Server (`https://HOSTNAME/_services/token`) or an
   * enterprise-specific issuer (`https://token.actions.githubusercontent.com/{enterprise}`).
   * @default "https://token.actions.githubusercontent.com"
   */
  readonly issuerUrl?: string;
}

/** An Azure DevOps service connection, for `Trust.azureDevOps`. */
export interface AzureDevOpsTrustProps {
  /**
   * The service connection's issuer (`workloadIdentityFederationIssuer`, exported by
   * `azuredevops_serviceendpoint_azurerm` as `workload_identity_federation_issuer`).
   */
  readonly issuerUrl: string;
  /**
   * The service connection's subject (`workloadIdentityFederationSubject`, exported as
   * `workload_identity_federation_subject`). Read it, do not build it: its prefix is opaque.
   */
  readonly subject: string;
}

/** An Azure DevOps service connection using the legacy Azure DevOps issuer, for `Trust.azureDevOpsLegacy`. */
export interface AzureDevOpsLegacyTrustProps {
  /** The organization's ID (a GUID), not its name: the issuer is `https://vstoken.dev.azure.com/{organizationId}`. */
  readonly organizationId: string;
  /** The organization's name, as in `https://dev.azure.com/{organizationName}`. */
  readonly organizationName: string;
  /** The project's name. */
  readonly projectName: string;
  /** The service connection's name. */
  readonly serviceConnectionName: string;
}

/** An HCP Terraform workspace, for `Trust.terraformCloudRunPhases`. */
export interface TerraformCloudWorkspaceProps {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The project that holds the workspace, e.g. `Default Project`. */
  readonly project: string;
  /** The workspace's name. */
  readonly workspace: string;
  /**
   * The Terraform Enterprise hostname, without a scheme.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/** One run phase of an HCP Terraform workspace, for `Trust.terraformCloud`. */
export interface TerraformCloudTrustProps extends TerraformCloudWorkspaceProps {
  /** The run phase to trust. A workspace that plans and applies needs both; see `Trust.terraformCloudRunPhases`. */
  readonly runPhase: TerraformRunPhase;
}

/** A GitLab CI/CD job, for `Trust.gitlab`. */
export interface GitLabTrustProps {
  /** The project's full path, e.g. `my-group/my-subgroup/my-project`. */
  readonly projectPath: string;
  /** Whether `ref` names a branch or a tag. */
  readonly refType: GitLabRefType;
  /** The branch or tag name. */
  readonly ref: string;
  /**
   * The GitLab instance, reachable from the internet (Entra fetches its keys).
   * @default "https://gitlab.com"
   */
  readonly instanceUrl?: string;
  /**
   * The audience the job requests in `id_tokens.<NAME>.aud`.
   * @default - the instance URL, as GitLab's Azure guide configures it
   */
  readonly audience?: string;
}

/** A user-assigned managed identity that an app trusts, for `Trust.managedIdentity`. */
export interface ManagedIdentityTrustProps {
  /** The managed identity's principal (object) ID; the token's subject. */
  readonly principalId: string;
  /** The tenant of the managed identity, which must be the app's tenant. */
  readonly tenantId: string;
  /**
   * The Entra cloud.
   * @default EntraCloud.PUBLIC
   */
  readonly cloud?: EntraCloud;
}

/** A Google Cloud service account, for `Trust.google`. */
export interface GoogleTrustProps {
  /** The service account's numeric unique ID (not its e-mail address). */
  readonly serviceAccountUniqueId: string;
}

/** Any OIDC issuer, for `Trust.custom`. */
export interface CustomTrustProps {
  /** The token's `iss` claim: an https URL serving OIDC discovery. */
  readonly issuer: string;
  /** The token's `sub` claim. */
  readonly subject: string;
  /**
   * The token's `aud` claim.
   * @default "api://AzureADTokenExchange"
   */
  readonly audience?: string;
  /**
   * A description for the credential.
   * @default - "Custom OIDC issuer"
   */
  readonly description?: string;
}

interface TrustSpec {
  readonly platform: TrustPlatform;
  readonly issuer: string;
  readonly subject: string;
  readonly audience: string;
  readonly description: string;
  readonly nameParts?: string[];
  readonly problems: Problem[];
  readonly warnings?: string[];
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const FLEXIBLE_HINT_GITHUB = 'AppRegistration.addFlexibleFederatedCredential(id, FlexibleTrust.githubActions({ owner, repository, branchPattern }))';

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
   */
  public static kubernetes(props: KubernetesTrustProps): Trust {
    const problems = [
      ...literal(props.namespace, (v) => dnsProblems('namespace', v, DNS1123_LABEL, 'namespace')),
      ...literal(props.serviceAccountName, (v) => dnsProblems('serviceAccountName', v, DNS1123_SUBDOMAIN, 'service account name')),
    ];
    const warnings: string[] = [];
    if (isLiteral(props.issuerUrl) && /\.oic\.prod-aks\.azure\.com\//.test(props.issuerUrl) && !props.issuerUrl.endsWith('/')) {
      warnings.push(`The AKS issuer "${props.issuerUrl}" has no trailing slash, but AKS tokens carry one; `
        + `the exchange will fail with AADSTS70021 unless you use "${props.issuerUrl}/" (or the cluster's oidc_issuer_url attribute).`);
    }
    return new Trust({
      platform: TrustPlatform.KUBERNETES,
      issuer: props.issuerUrl,
      subject: `system:serviceaccount:${props.namespace}:${props.serviceAccountName}`,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: `Kubernetes service account ${props.namespace}/${props.serviceAccountName}`,
      nameParts: ['k8s', props.namespace, props.serviceAccountName],
      problems,
      warnings,
    });
  }

  /**
   * A GitHub Actions workflow, by environment, branch, tag or pull request. Subjects follow GitHub's
   * OIDC reference: `repo:{owner}/{repo}:environment:{name}`, `...:ref:refs/heads/{branch}`,
   * `...:ref:refs/tags/{tag}`, `...:pull_request`, with `:` in a value escaped as `%3A`.
   */
  public static githubActions(props: GitHubActionsTrustProps): Trust {
    const problems: Problem[] = [];
    const selectors = (['branch', 'environment', 'tag'] as const).filter((k) => props[k] !== undefined);
    const all = props.pullRequest ? [...selectors, 'pullRequest'] : selectors;
    if (all.length !== 1) {
      problems.push({
        property: all.length ? all.join(', ') : 'branch | environment | tag | pullRequest',
        value: all.length ? all.map((k) => k === 'pullRequest' ? 'true' : String(props[k as 'branch'])).join(', ') : '',
        problem: all.length ? 'a GitHub trust takes exactly one selector, but several were given' : 'a GitHub trust needs a selector',
        fix: 'give exactly one of branch, environment, tag or pullRequest: true; add one credential per selector for more',
      });
    }
    problems.push(...literal(props.owner, (v) => githubNameProblems('owner', v)));
    problems.push(...literal(props.repository, (v) => githubNameProblems('repository', v)));
    for (const key of ['branch', 'tag'] as const) {
      const value = props[key];
      if (isLiteral(value) && /^refs\//.test(value)) {
        problems.push({ property: key, value, problem: 'give the bare name; the library adds refs/heads/ or refs/tags/', fix: `use "${value.replace(/^refs\/(heads|tags)\//, '')}"` });
      }
    }
    if ((props.ownerId === undefined) !== (props.repositoryId === undefined)) {
      problems.push({
        property: props.ownerId === undefined ? 'repositoryId' : 'ownerId', value: String(props.ownerId ?? props.repositoryId),
        problem: 'the immutable subject needs both the owner ID and the repository ID',
        fix: 'give both ownerId and repositoryId (gh api repos/OWNER/REPO --jq ".owner.id, .id"), or neither',
      });
    }
    for (const key of ['ownerId', 'repositoryId'] as const) {
      const value = props[key];
      if (isLiteral(value) && !/^[0-9]+$/.test(value)) {
        problems.push({ property: key, value, problem: 'GitHub IDs are numbers', fix: 'use the numeric ID from gh api repos/OWNER/REPO' });
      }
    }
    const issuer = props.issuerUrl ?? GITHUB_ISSUER;
    problems.push(...literal(issuer, (v) => noTrailingSlash('issuerUrl', v, 'GitHub')));

    const repo = props.ownerId !== undefined && props.repositoryId !== undefined
      ? `${props.owner}@${props.ownerId}/${props.repository}@${props.repositoryId}`
      : `${props.owner}/${props.repository}`;
    let selector: string;
    let label: string;
    const warnings: string[] = [];
    if (props.environment !== undefined) {
      selector = `environment:${escapeGitHubValue(props.environment)}`;
      label = `environment ${props.environment}`;
    } else if (props.branch !== undefined) {
      selector = `ref:refs/heads/${escapeGitHubValue(props.branch)}`;
      label = `branch ${props.branch}`;
    } else if (props.tag !== undefined) {
      selector = `ref:refs/tags/${escapeGitHubValue(props.tag)}`;
      label = `tag ${props.tag}`;
    } else {
      selector = 'pull_request';
      label = 'pull requests';
      warnings.push(`This trusts every pull request to ${props.owner}/${props.repository}, including ones from forks' `
        + 'authors where workflows run for them: anyone who can open a pull request gets this identity\'s permissions. '
        + 'Prefer an environment with required reviewers.');
    }
    return new Trust({
      platform: TrustPlatform.GITHUB_ACTIONS,
      issuer,
      subject: `repo:${repo}:${selector}`,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: `GitHub Actions ${props.owner}/${props.repository} ${label}`,
      nameParts: ['github', props.owner, props.repository, ...label.split(' ')],
      problems,
      warnings,
    });
  }

  /**
   * An Azure DevOps workload identity federation service connection, with the issuer and subject
   * read from the connection (new connections use the Entra issuer
   * `https://login.microsoftonline.com/{tenant}/v2.0` and an opaque subject).
   */
  public static azureDevOps(props: AzureDevOpsTrustProps): Trust {
    return new Trust({
      platform: TrustPlatform.AZURE_DEVOPS,
      issuer: props.issuerUrl,
      subject: props.subject,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: 'Azure DevOps service connection',
      problems: [],
    });
  }

  /**
   * An Azure DevOps service connection on the legacy Azure DevOps issuer:
   * issuer `https://vstoken.dev.azure.com/{organizationId}`, subject `sc://{org}/{project}/{connection}`.
   * Microsoft retires this issuer on 1 July 2027; convert the connection and use `Trust.azureDevOps`.
   */
  public static azureDevOpsLegacy(props: AzureDevOpsLegacyTrustProps): Trust {
    const problems = literal(props.organizationId, (v) => {
      const violation = guid('organization ID', 'Organization settings > Microsoft Entra, or the "accountId" of https://app.vssps.visualstudio.com/_apis/accounts')(v);
      return violation ? [{ property: 'organizationId', value: v, ...violation, fix: `${violation.fix}; the issuer takes the organization's ID, not its name` }] : [];
    });
    return new Trust({
      platform: TrustPlatform.AZURE_DEVOPS,
      issuer: `https://vstoken.dev.azure.com/${props.organizationId}`,
      subject: `sc://${props.organizationName}/${props.projectName}/${props.serviceConnectionName}`,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: `Azure DevOps service connection ${props.organizationName}/${props.projectName}/${props.serviceConnectionName}`,
      nameParts: ['ado', props.organizationName, props.projectName, props.serviceConnectionName],
      problems,
      warnings: ['The Azure DevOps issuer (vstoken.dev.azure.com) retires on 1 July 2027. Convert the service connection '
        + 'to the Entra issuer and use Trust.azureDevOps with its issuer and subject.'],
    });
  }

  /**
   * One run phase of an HCP Terraform workspace: subject
   * `organization:{org}:project:{project}:workspace:{workspace}:run_phase:{plan|apply}`.
   */
  public static terraformCloud(props: TerraformCloudTrustProps): Trust {
    const problems: Problem[] = [];
    const phases: string[] = Object.values(TerraformRunPhase);
    if (!phases.includes(props.runPhase)) {
      problems.push({ property: 'runPhase', value: String(props.runPhase), problem: 'HCP Terraform tokens carry run_phase plan or apply', fix: 'use TerraformRunPhase.PLAN or TerraformRunPhase.APPLY' });
    }
    const hostname = props.hostname ?? 'app.terraform.io';
    if (isLiteral(hostname) && /[/:\s]/.test(hostname)) {
      problems.push({ property: 'hostname', value: hostname, problem: 'give the bare hostname; the issuer is https://{hostname}', fix: `use "${hostname.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}"` });
    }
    return new Trust({
      platform: TrustPlatform.TERRAFORM_CLOUD,
      issuer: `https://${hostname}`,
      subject: `organization:${props.organization}:project:${props.project}:workspace:${props.workspace}:run_phase:${props.runPhase}`,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: `HCP Terraform ${props.organization}/${props.project}/${props.workspace} ${props.runPhase}`,
      nameParts: ['tfc', props.organization, props.project, props.workspace, props.runPhase],
      problems,
    });
  }

  /** The plan and apply trusts of one HCP Terraform workspace, which needs both (the subject is matched exactly). */
  public static terraformCloudRunPhases(props: TerraformCloudWorkspaceProps): Trust[] {
    return [TerraformRunPhase.PLAN, TerraformRunPhase.APPLY].map((runPhase) => Trust.terraformCloud({ ...props, runPhase }));
  }

  /**
   * A GitLab CI/CD job: subject `project_path:{path}:ref_type:{branch|tag}:ref:{ref}`, audience
   * the instance URL unless the job requests another.
   */
  public static gitlab(props: GitLabTrustProps): Trust {
    const instance = props.instanceUrl ?? 'https://gitlab.com';
    const problems: Problem[] = [...literal(instance, (v) => noTrailingSlash('instanceUrl', v, 'GitLab'))];
    const refTypes: string[] = Object.values(GitLabRefType);
    if (!refTypes.includes(props.refType)) {
      problems.push({ property: 'refType', value: String(props.refType), problem: 'GitLab tokens carry ref_type branch or tag', fix: 'use GitLabRefType.BRANCH or GitLabRefType.TAG' });
    }
    if (isLiteral(props.projectPath) && (/^\/|\/$/.test(props.projectPath) || !props.projectPath.includes('/'))) {
      problems.push({ property: 'projectPath', value: props.projectPath, problem: 'a project path is the full "group/project" path, with no leading or trailing slash', fix: 'copy it from the project URL, e.g. "my-group/my-project"' });
    }
    return new Trust({
      platform: TrustPlatform.GITLAB,
      issuer: instance,
      subject: `project_path:${props.projectPath}:ref_type:${props.refType}:ref:${props.ref}`,
      audience: props.audience ?? instance,
      description: `GitLab ${props.projectPath} ${props.refType} ${props.ref}`,
      nameParts: ['gitlab', props.projectPath, props.refType, props.ref],
      problems,
    });
  }

  /**
   * A user-assigned managed identity that an app registration trusts (for example, to act in
   * another tenant with the app). Issuer `https://login.microsoftonline.com/{tenant}/v2.0`, subject
   * the identity's principal ID, audience per cloud. Only apps accept this trust.
   */
  public static managedIdentity(props: ManagedIdentityTrustProps): Trust {
    const cloud = props.cloud ?? EntraCloud.PUBLIC;
    const { host, audience } = ENTRA_CLOUDS[cloud] ?? ENTRA_CLOUDS[EntraCloud.PUBLIC];
    const problems: Problem[] = [
      ...literal(props.principalId, (v) => fromViolation('principalId', v, guid('principal ID', 'the managed identity\'s "principalId"')(v))),
      ...literal(props.tenantId, (v) => fromViolation('tenantId', v, guid('tenant ID', 'the managed identity\'s "tenantId"')(v))),
    ];
    if (!ENTRA_CLOUDS[cloud]) {
      problems.push({ property: 'cloud', value: String(cloud), problem: 'unknown Entra cloud', fix: `use one of ${Object.keys(ENTRA_CLOUDS).map((c) => `EntraCloud.${c}`).join(', ')}` });
    }
    return new Trust({
      platform: TrustPlatform.MANAGED_IDENTITY,
      issuer: `https://${host}/${props.tenantId}/v2.0`,
      subject: props.principalId,
      audience,
      description: `Managed identity ${props.principalId}`,
      nameParts: ['mi', props.principalId],
      problems,
    });
  }

  /** A Google Cloud service account: issuer `https://accounts.google.com`, subject its numeric unique ID. */
  public static google(props: GoogleTrustProps): Trust {
    const problems = literal(props.serviceAccountUniqueId, (v) => /^[0-9]+$/.test(v) ? [] : [{
      property: 'serviceAccountUniqueId', value: v,
      problem: 'Google puts the service account\'s numeric unique ID in the subject, not its e-mail',
      fix: 'use the "uniqueId" from gcloud iam service-accounts describe EMAIL',
    }]);
    return new Trust({
      platform: TrustPlatform.GOOGLE,
      issuer: 'https://accounts.google.com',
      subject: props.serviceAccountUniqueId,
      audience: TOKEN_EXCHANGE_AUDIENCE,
      description: `Google service account ${props.serviceAccountUniqueId}`,
      nameParts: ['google', props.serviceAccountUniqueId],
      problems,
    });
  }

  /** Any OIDC issuer, with its exact issuer, subject and audience. */
  public static custom(props: CustomTrustProps): Trust {
    return new Trust({
      platform: TrustPlatform.CUSTOM,
      issuer: props.issuer,
      subject: props.subject,
      audience: props.audience ?? TOKEN_EXCHANGE_AUDIENCE,
      description: props.description ?? 'Custom OIDC issuer',
      problems: [],
    });
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
  public readonly _warnings: string[];

  private constructor(spec: TrustSpec) {
    this.platform = spec.platform;
    this.issuer = spec.issuer;
    this.subject = spec.subject;
    this.audience = spec.audience;
    this.description = spec.description;
    this._nameParts = spec.nameParts?.every(isLiteral) ? spec.nameParts : undefined;
    this._warnings = spec.warnings ?? [];
    this._problems = [
      ...literal(spec.issuer, (v) => issuerProblems('issuer', v)),
      ...literal(spec.subject, (v) => subjectProblems('subject', v,
        spec.platform === TrustPlatform.GITHUB_ACTIONS ? FLEXIBLE_HINT_GITHUB : 'AppRegistration.addFlexibleFederatedCredential(id, FlexibleTrust...)')),
      ...literal(spec.audience, (v) => audienceProblems('audience', v)),
      ...githubSubjectProblems(spec.issuer, spec.subject),
      ...spec.problems,
    ];
  }
}

const ENTRA_CLOUDS: { [cloud: string]: { host: string; audience: string } } = {
  // Audiences and hosts: Microsoft Learn, "Configure an application to trust a managed identity".
  [EntraCloud.PUBLIC]: { host: 'login.microsoftonline.com', audience: 'api://AzureADTokenExchange' },
  [EntraCloud.US_GOVERNMENT]: { host: 'login.microsoftonline.us', audience: 'api://AzureADTokenExchangeUSGov' },
  [EntraCloud.CHINA]: { host: 'login.partner.microsoftonline.cn', audience: 'api://AzureADTokenExchangeChina' },
};

function literal(value: string | undefined, problems: (value: string) => Problem[]): Problem[] {
  return isLiteral(value) ? problems(value) : [];
}

function fromViolation(property: string, value: string, violation: { problem: string; fix: string } | undefined): Problem[] {
  return violation ? [{ property, value, ...violation }] : [];
}

/** Microsoft's own docs once wrote `pull-request`; GitHub's tokens say `pull_request` (Azure/login#178). */
function githubSubjectProblems(issuer: string, subject: string): Problem[] {
  if (issuer !== GITHUB_ISSUER || !isLiteral(subject) || !subject.endsWith(':pull-request')) return [];
  return [{
    property: 'subject', value: subject,
    problem: 'GitHub writes pull_request with an underscore, so this subject never matches',
    fix: `use "${subject.replace(/:pull-request$/, ':pull_request')}", or Trust.githubActions({ owner, repository, pullRequest: true })`,
  }];
}

/** GitHub owners: letters, digits and single hyphens; repositories: letters, digits, ".", "-", "_". */
function githubNameProblems(property: 'owner' | 'repository', value: string): Problem[] {
  const rule = property === 'owner' ? /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/ : /^[A-Za-z0-9._-]{1,100}$/;
  if (rule.test(value)) return [];
  return [{
    property, value,
    problem: `a GitHub ${property} name has only letters, digits${property === 'owner' ? ' and "-"' : ', ".", "-" and "_"'}`,
    fix: `give the bare ${property} name with GitHub's exact casing (not a URL or "owner/repo")`,
  }];
}
