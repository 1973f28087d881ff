import {
  booleanToHclTerraform, hashMapper, hashMapperHcl, listMapper, listMapperHcl, stringToHclTerraform, stringToTerraform,
} from 'cdktf';

/** The form the framework's HCL renderer needs for one argument, as generated bindings write it. */
export interface HclArgument {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

/** A string argument, for `cdktf synth --hcl`. */
export function hclString(value: string | undefined): HclArgument {
  return { value: stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
}

/** A boolean argument, for `cdktf synth --hcl`. */
export function hclBoolean(value: boolean | undefined): HclArgument {
  return { value: booleanToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'boolean' };
}

/** A list of strings, for `cdktf synth --hcl`. */
export function hclStringList(value: string[] | undefined, type: 'list' | 'set' = 'list'): HclArgument {
  return { value: listMapperHcl(stringToHclTerraform, false)(value), isBlock: false, type, storageClassType: 'stringList' };
}

/** A map of strings, for `cdktf synth --hcl`. */
export function hclStringMap(value: { [key: string]: string } | undefined): HclArgument {
  return { value: hashMapperHcl(stringToHclTerraform)(value), isBlock: false, type: 'map', storageClassType: 'stringMap' };
}

/** A list of strings in JSON output. */
export const stringList = (value: string[] | undefined): unknown => listMapper(stringToTerraform, false)(value);

/** A map of strings in JSON output. */
export const stringMap = (value: { [key: string]: string } | undefined): unknown => hashMapper(stringToTerraform)(value);

/** Drops the arguments that were not given, as generated bindings do. */
export function given(attributes: { [name: string]: HclArgument }): { [name: string]: HclArgument } {
  return Object.fromEntries(Object.entries(attributes).filter(([, a]) => a.value !== undefined));
}
