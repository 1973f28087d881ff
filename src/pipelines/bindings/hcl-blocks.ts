import { hclAttributes } from '../../providers/hcl';

/**
 * `hclAttributes`, plus the one nesting these bindings have: a block with at most one element
 * (`credentials { ... }`, `features { ... }`), which `cdktf synth --hcl` writes as a block.
 */
export function hclWithBlocks(attributes: { [name: string]: unknown }): { [name: string]: unknown } {
  const simple: { [name: string]: unknown } = {};
  const blocks: { [name: string]: unknown } = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
      blocks[name] = { value: value.map((v) => hclAttributes(v)), isBlock: true, type: 'list', storageClassType: `${name}List` };
    } else {
      simple[name] = value;
    }
  }
  return { ...hclAttributes(simple), ...blocks };
}
