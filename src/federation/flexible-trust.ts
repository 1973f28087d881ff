import { Problem, isLiteral } from '../private/problems';
import { FlexibleGitHubActionsTrustProps, flexibleGithubTrust } from './platforms/github';
import { FlexibleGitLabTrustProps, flexibleGitlabTrust } from './platforms/gitlab';
import { FlexibleTerraformCloudTrustProps, flexibleTerraformCloudTrust } from './platforms/terraform-cloud';
import { FlexibleTrustSpec } from './trust-spec';

/**
 * A pattern of tokens to trust: a flexible federated identity credential, matched with a claims
 * expression (`matches` with `*` and `?`, `eq`, `and`). Microsoft supports these on app
 * registrations only, for GitHub, GitLab and HCP Terraform, and only on some claims.
 *
 * @example
 * app.addFlexibleFederatedCredential('Releases', FlexibleTrust.githubActions({
 *   owner: 'contoso', repository: 'infra', branchPattern: 'release/*',
 * }));
 */
export class FlexibleTrust {
  /**
   * Branches or tags of a GitHub repository by pattern, or a custom expression.
   *
   * @param props the repository and exactly one selector
   */
  public static githubActions(props: FlexibleGitHubActionsTrustProps): FlexibleTrust {
    return new FlexibleTrust(flexibleGithubTrust(props));
  }

  /**
   * Branches or tags of a GitLab project by pattern, or a custom expression.
   *
   * @param props the project and exactly one selector
   */
  public static gitlab(props: FlexibleGitLabTrustProps): FlexibleTrust {
    return new FlexibleTrust(flexibleGitlabTrust(props));
  }

  /**
   * Workspaces of an HCP Terraform project by pattern, or a custom expression.
   *
   * @param props the project and exactly one selector
   */
  public static terraformCloud(props: FlexibleTerraformCloudTrustProps): FlexibleTrust {
    return new FlexibleTrust(flexibleTerraformCloudTrust(props));
  }

  /** The token's required `iss` claim. */
  public readonly issuer: string;
  /** The claims-matching expression (language version 1). */
  public readonly claimsMatchingExpression: string;
  /** The token's required `aud` claim. */
  public readonly audience: string;
  /** A human-readable description. */
  public readonly description: string;
  /** @internal */
  public readonly _nameParts?: string[];
  /** @internal */
  public readonly _problems: Problem[];

  private constructor(spec: FlexibleTrustSpec) {
    this.issuer = spec.issuer;
    this.claimsMatchingExpression = spec.claimsMatchingExpression;
    this.audience = spec.audience;
    this.description = spec.description;
    this._nameParts = spec.nameParts?.every(isLiteral) ? spec.nameParts : undefined;
    this._problems = spec.problems;
  }
}
