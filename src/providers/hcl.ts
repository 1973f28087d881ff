/**
 * The typed form `cdktf synth --hcl` needs for hand-written bindings. Simple values carry their
 * storage type; a nested attribute (not a block) stays a plain object, which cdktf's HCL renderer
 * writes as `name = { ... }`, the syntax such attributes need.
 */
export function hclAttributes(attributes: { [name: string]: unknown }): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[name] = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
    } else {
      out[name] = { value, isBlock: false, type: 'simple', storageClassType: typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string' };
    }
  }
  return out;
}
