import { Construct } from 'constructs';
import { TerraformProvider, TerraformProviderConfig } from 'cdktf';
import { refuseDuplicateDefault } from './checks';
import { hclAttributes } from './hcl';

/**
 * What the hand-written provider bindings share: the `alias` meta-argument and HCL output.
 * @internal
 */
export abstract class HandWrittenProvider extends TerraformProvider {
  private providerAlias?: string;

  constructor(scope: Construct, id: string, config: TerraformProviderConfig, alias: string | undefined) {
    super(scope, id, config);
    this.providerAlias = alias;
    refuseDuplicateDefault(this);
  }

  /** The provider's alias, when several providers of one kind share a stack. */
  public get alias(): string | undefined {
    return this.providerAlias;
  }

  public set alias(value: string | undefined) {
    this.providerAlias = value;
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes(this.synthesizeAttributes());
  }
}
