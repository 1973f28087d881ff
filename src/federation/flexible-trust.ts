import { Problem, isLiteral } from '../private/problems';
import { fittedCredentialDescription } from '../private/rules';
import { argumentProblems, brand } from '../private/shape';
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
    return FlexibleTrust.checked('FlexibleTrust.githubActions', props, flexibleGithubTrust);
  }

  /**
   * Branches or tags of a GitLab project by pattern, or a custom expression.
   *
   * @param props the project and exactly one selector
   */
  public static gitlab(props: FlexibleGitLabTrustProps): FlexibleTrust {
    return FlexibleTrust.checked('FlexibleTrust.gitlab', props, flexibleGitlabTrust);
  }

  /**
   * Workspaces of an HCP Terraform project by pattern, or a custom expression.
   *
   * @param props the project and exactly one selector
   */
  public static terraformCloud(props: FlexibleTerraformCloudTrustProps): FlexibleTrust {
    return FlexibleTrust.checked('FlexibleTrust.terraformCloud', props, flexibleTerraformCloudTrust);
  }

  /** A flexible trust from a platform's rules, or an unusable one that carries the problems of props of the wrong shape. */
  private static checked<P>(entryPoint: string, props: P, rules: (props: P) => FlexibleTrustSpec): FlexibleTrust {
    const shape = argumentProblems(entryPoint, [props]);
    return new FlexibleTrust(shape.length ? { issuer: '', audience: '', claimsMatchingExpression: '', description: '', problems: shape } : rules(props));
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
    brand(this, 'FlexibleTrust');
    this.issuer = spec.issuer;
    this.claimsMatchingExpression = spec.claimsMatchingExpression;
    this.audience = spec.audience;
    this.description = fittedCredentialDescription(spec.description);
    this._nameParts = spec.nameParts?.every(isLiteral) ? spec.nameParts : undefined;
    this._problems = spec.problems;
  }
}
