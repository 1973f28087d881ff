import { Construct } from 'constructs';
import { HandWrittenProvider } from '../../providers/hand-written-provider';
import { checkedArgs } from '../../private/shape';

/** Properties of a `TfeProvider`. */
export interface TfeProviderProps {
  /**
   * The HCP Terraform or Terraform Enterprise hostname (`hostname`).
   * @default "app.terraform.io" (the provider's default)
   */
  readonly hostname?: string;
  /**
   * The default organization (`organization`).
   * @default - none
   */
  readonly organization?: string;
  /**
   * Provider alias, for several tfe providers in one stack.
   * @default - the default provider
   */
  readonly alias?: string;
  /**
   * The exact version in `required_providers`.
   * @default TfeProvider.DEFAULT_VERSION
   */
  readonly providerVersion?: string;
}

/**
 * The hashicorp/tfe provider, with no credential in the block: it reads `TFE_TOKEN` where Terraform
 * runs (see the README's bootstrap). A hand-written binding with the attribute names of
 * `internal/provider/provider_next.go` at hashicorp/terraform-provider-tfe v0.80.0; `token` is left
 * out on purpose.
 *
 * @example
 * new TfeProvider(stack, 'Tfe', { organization: 'contoso' });
 */
export class TfeProvider extends HandWrittenProvider {
  /** The version whose schema the library's tfe bindings were written from, pinned exactly. */
  public static readonly DEFAULT_VERSION = '0.80.0';

  /** The hostname, when given. */
  public readonly hostname?: string;
  /** The default organization, when given. */
  public readonly organization?: string;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: TfeProviderProps = {}) {
    super(checkedArgs('TfeProvider.constructor', [scope, id, props]), id, {
      terraformResourceType: 'tfe',
      terraformGeneratorMetadata: { providerName: 'tfe', providerVersion: props?.providerVersion ?? TfeProvider.DEFAULT_VERSION },
      terraformProviderSource: 'hashicorp/tfe',
    }, props?.alias);
    this.hostname = props?.hostname;
    this.organization = props?.organization;
  }

  /** The block's Terraform attributes. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return { hostname: this.hostname, organization: this.organization, alias: this.alias };
  }
}
