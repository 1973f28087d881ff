import { Construct } from 'constructs';
import { throwProblems } from '../../private/problems';
import { checkedArgs, requiredProblems } from '../../private/shape';
import { HandWrittenProvider } from '../../providers/hand-written-provider';

/** Properties of a `GitHubProvider`. */
export interface GitHubProviderProps {
  /** The organization or user that owns the repositories (`owner`). */
  readonly owner: string;
  /**
   * The API URL, for GitHub Enterprise Server or data residency (`base_url`).
   * @default - github.com's API
   */
  readonly baseUrl?: string;
  /**
   * Provider alias, for several github providers in one stack.
   * @default - the default provider
   */
  readonly alias?: string;
  /**
   * The exact version in `required_providers`.
   * @default GitHubProvider.DEFAULT_VERSION
   */
  readonly providerVersion?: string;
}

/**
 * The integrations/github provider, with no credential in the block: it reads `GITHUB_TOKEN` where
 * Terraform runs (in a workflow, a GitHub App installation token from `actions/create-github-app-token`;
 * see the README's bootstrap). A hand-written binding with the attribute names of `github/provider.go`
 * at integrations/terraform-provider-github v6.13.0; `token` and `app_auth` are left out on purpose.
 *
 * @example
 * new GitHubProvider(stack, 'GitHub', { owner: 'contoso' });
 */
export class GitHubProvider extends HandWrittenProvider {
  /** The version whose schema the library's GitHub bindings were written from, pinned exactly. */
  public static readonly DEFAULT_VERSION = '6.13.0';

  /** The owner of the repositories this provider manages. */
  public readonly owner: string;
  private readonly baseUrl?: string;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: GitHubProviderProps) {
    super(checkedArgs('GitHubProvider.constructor', [scope, id, props]), id, {
      terraformResourceType: 'github',
      terraformGeneratorMetadata: { providerName: 'github', providerVersion: props?.providerVersion ?? GitHubProvider.DEFAULT_VERSION },
      terraformProviderSource: 'integrations/github',
    }, props?.alias);
    // The owner is what the GitHub constructs compare their trust's owner with.
    throwProblems(this, requiredProblems(props, ['owner'], 'GitHubProviderProps'));
    this.owner = props.owner;
    this.baseUrl = props?.baseUrl;
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { owner: this.owner, base_url: this.baseUrl, alias: this.alias };
  }
}
