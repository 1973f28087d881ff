import { Construct, IConstruct } from 'constructs';
import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { onFirstUse } from './lazy-modules';
import { Problem, invalidAt } from './problems';
import type * as Shapes from './shapes.generated';

/**
 * Checks that TypeScript makes at compile time and plain JavaScript callers never get: required
 * props present, lists that are lists, enum props that hold one of the enum's values. Tokens pass.
 */

/** The generated table of shapes, loaded by the first check so that importing the library stays cheap. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shapes = onFirstUse((): typeof Shapes => require('./shapes.generated'));

/** The props object, or an empty one, so that a missing object reads as missing props instead of a TypeError. */
export function given<T extends object>(props: T | undefined | null): T {
  return props ?? ({} as T);
}

/** One problem per required prop that is missing (undefined or null), with a hint when a near-miss key was passed instead. */
export function requiredProblems(props: object | undefined | null, required: string[], typeName: string): Problem[] {
  const values = (props ?? {}) as { [key: string]: unknown };
  const keys = Object.keys(values);
  return required.filter((name) => values[name] === undefined || values[name] === null).map((name) => {
    const nearMiss = keys.filter((key) => !required.includes(key) && isNearMiss(key, name));
    return {
      property: name,
      value: undefined,
      problem: `${typeName} needs ${name}`,
      fix: `pass ${name}${nearMiss.length ? ` (the object has ${nearMiss.map((k) => `"${k}"`).join(', ')} instead)` : ''}`,
    };
  });
}

function isNearMiss(key: string, name: string): boolean {
  const a = key.toLowerCase();
  const b = name.toLowerCase();
  return a.includes(b) || b.includes(a);
}

/** A list prop must be a list: `grantGraphAppRoles('Graph', 'User.Read.All')` is a string, not a list of names. */
export function listProblems(property: string, value: unknown, example: string): Problem[] {
  if (value === undefined || Array.isArray(value) || unresolved(value)) return [];
  return [{
    property, value: typeof value === 'string' ? value : JSON.stringify(value),
    problem: 'this is a list, not a single value',
    fix: typeof value === 'string' ? `pass [${JSON.stringify(value)}]` : `pass a list, e.g. ${example}`,
  }];
}

/**
 * An enum prop must hold one of the enum's values: `'SingleTenant'` is not `SignInAudience.SINGLE_TENANT`.
 * `why` says what the value means where it ends up, when there is more to say than the enum's name.
 */
export function enumProblems(property: string, value: unknown, enumObject: { [name: string]: string }, enumName: string, why?: string): Problem[] {
  if (value === undefined || unresolved(value) || Object.values(enumObject).includes(value as string)) return [];
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const byName = Object.entries(enumObject).find(([name, member]) => [normal(name), normal(member)].includes(normal(String(value))));
  const members = Object.keys(enumObject).map((name) => `${enumName}.${name}`);
  return [{
    property, value: String(value),
    problem: why ?? `it is not one of the values of ${enumName}`,
    fix: byName ? `use ${enumName}.${byName[0]}` : `use ${members.length > 1 ? `${members.slice(0, -1).join(', ')} or ${members[members.length - 1]}` : members[0]}`,
  }];
}

const VALUE_OBJECTS = ['Trust', 'FlexibleTrust', 'ProviderAuth', 'Runner'];

/** The value objects' brands, looked up once: every check of every call reads them. */
const BRANDS: { readonly [className: string]: symbol } = Object.fromEntries(VALUE_OBJECTS.map((name) => [name, Symbol.for(`cdktf-azure-identity.${name}`)]));

/**
 * The brand of the library's value objects (`Trust`, `FlexibleTrust`, `ProviderAuth`): a registered
 * symbol, so that an object made by another copy of the library is still recognised (as
 * `instanceof` would not), while a plain object that only looks alike is not.
 */
export function brandOf(className: string): symbol {
  return BRANDS[className] ?? Symbol.for(`cdktf-azure-identity.${className}`);
}

/** Marks a value object as one of the library's own. */
export function brand(instance: object, className: string): void {
  Object.defineProperty(instance, brandOf(className), { value: true });
}

function hasBrand(value: unknown, className: string): boolean {
  return typeof value === 'object' && value !== null && (value as { [key: symbol]: unknown })[brandOf(className)] === true;
}

const CREDENTIAL_TARGETS = ['ICredentialTarget', 'IFlexibleCredentialTarget'];

/**
 * A value as the caller gave it, for a message: strings quoted, numbers, booleans, Symbols and
 * `undefined` as JavaScript writes them, lists and objects shortened. Never throws (a getter may).
 */
export function shown(value: unknown, depth = 0): string {
  try {
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
    if (value === null || typeof value !== 'object') return String(value);
    if (Construct.isConstruct(value)) return `${value.constructor.name} ${value.node.path}`;
    const branded = VALUE_OBJECTS.find((name) => hasBrand(value, name));
    if (branded) return `a ${branded}`;
    if (depth > 1) return Array.isArray(value) ? '[...]' : '{...}';
    if (Array.isArray(value)) {
      const items = value.slice(0, 5).map((item) => shown(item, depth + 1));
      return `[${items.join(', ')}${value.length > 5 ? ', ...' : ''}]`;
    }
    const entries = Object.keys(value).slice(0, 5).map((key) => `${key}: ${shown((value as { [key: string]: unknown })[key], depth + 1)}`);
    const more = Object.keys(value).length > 5 ? ', ...' : '';
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return `${name && name !== 'Object' ? `${name} ` : ''}{${entries.length ? ` ${entries.join(', ')}${more} ` : ''}}`;
  } catch {
    return '(a value that cannot be shown)';
  }
}

/**
 * `Token.isUnresolved`, safe for any value: cdktf reads a one-element list as a list token and
 * fails on an element that is not a string.
 */
function unresolved(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' && Token.isUnresolved(value);
  try {
    return Token.isUnresolved(value);
  } catch {
    return false;
  }
}

/** What a type description promises, in words, for a message. */
function promise(type: string): string {
  const [kind, name] = type.split(':');
  if (type.startsWith('list<')) return `a list of ${promise(type.slice(5, -1)).replace(/^an? /, '')}s`;
  if (type.startsWith('map<')) return `an object of ${promise(type.slice(4, -1)).replace(/^an? /, '')}s`;
  switch (kind) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean (true or false)';
    case 'enum': return `a ${name} value`;
    case 'struct': return `a ${name} object`;
    case 'class': return `a ${name}`;
    case 'interface': return `a construct that is ${/^I[A-Z]/.test(name) ? `an ${name}` : name}`;
    default: return `a ${name.split('.').pop()}`;
  }
}

/** How to pass a value of the type, given the wrong one the caller passed. */
function fixFor(type: string, value: unknown): string {
  const [kind, name] = type.split(':');
  if (type === 'list<string>' && typeof value === 'string') return `pass [${JSON.stringify(value)}]`;
  if (type.startsWith('list<')) return `pass a list, e.g. [${type === 'list<string>' ? '"value"' : '...'}], with no undefined entries`;
  if (kind === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `pass a string, e.g. "${String(value)}"`;
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return `pass ${value} without quotes`;
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return `pass ${Number(value)} without quotes`;
  if (kind === 'enum') return `use a member of ${name}, e.g. ${name}.<MEMBER>`;
  if (kind === 'class' && name === 'Trust' && hasBrand(value, 'FlexibleTrust')) return 'add a FlexibleTrust with addFlexibleFederatedCredential (or a FlexibleFederatedCredential), or build a Trust with a Trust factory';
  if (kind === 'class' && name === 'FlexibleTrust' && hasBrand(value, 'Trust')) return 'add a Trust with addFederatedCredential (or a FederatedCredential), or build a FlexibleTrust with a FlexibleTrust factory';
  if (kind === 'class') return `build one with a ${name} factory, e.g. ${name}.${name === 'ProviderAuth' ? 'managedIdentity' : name === 'FlexibleTrust' ? 'githubActions' : 'kubernetes'}(...)`;
  if (kind === 'interface' && name === 'IFlexibleCredentialTarget') return 'use an AppRegistration: only app registrations hold flexible federated credentials';
  if (kind === 'interface' && name === 'ICredentialTarget') {
    return 'use a UserAssignedIdentity or an AppRegistration: only they hold federated credentials (for Azure compute, create a UserAssignedIdentity and attach it)';
  }
  if (kind === 'interface') return `pass a construct of this library that is ${/^I[A-Z]/.test(name) ? `an ${name}` : name}, e.g. a UserAssignedIdentity or an AppRegistration`;
  if (kind === 'struct') return `pass an object with ${requiredOf(name).join(', ') || 'the props you need'}`;
  if (kind.startsWith('external')) return `pass a ${name.split('.').pop()}, e.g. the stack`;
  return `pass ${promise(type)}`;
}

function requiredOf(struct: string): string[] {
  return Object.entries(shapes().STRUCTS[struct] ?? {}).filter(([, type]) => !type.endsWith('?')).map(([prop]) => prop);
}

/** Whether a value has the kind a type description promises, or is a token (its parts are checked separately). */
function fits(type: string, value: unknown): boolean {
  return unresolved(value) || kindFits(type, value);
}

/** The members an object must have to pass as the interface (a credential target as any principal, see `kindFits`). */
function interfaceMembers(table: typeof Shapes, name: string): string[] {
  return table.INTERFACES[CREDENTIAL_TARGETS.includes(name) ? 'IEntraPrincipal' : name] ?? [];
}

/** Whether a value has the kind a type description promises, tokens aside. */
function kindFits(type: string, value: unknown): boolean {
  const [kind, name] = type.split(':');
  if (type.startsWith('list<')) return Array.isArray(value);
  if (type.startsWith('map<')) return typeof value === 'object' && value !== null && !Array.isArray(value) && !Construct.isConstruct(value);
  switch (kind) {
    case 'string': case 'enum': return typeof value === 'string';
    case 'number': return typeof value === 'number' && !Number.isNaN(value);
    case 'boolean': return typeof value === 'boolean';
    case 'struct': return typeof value === 'object' && value !== null && !Array.isArray(value) && !Construct.isConstruct(value) && !VALUE_OBJECTS.some((v) => hasBrand(value, v));
    case 'class': return hasBrand(value, name);
    // Any principal passes as a credential target here: the constructs that take one say, in their
    // own words, why a system-assigned identity (or, for a flexible credential, any identity) cannot hold it.
    case 'interface': return typeof value === 'object' && value !== null && interfaceMembers(shapes(), name).every((member) => member in value);
    case 'external':
      if (name === 'cdktf.TerraformStack') return Construct.isConstruct(value) && TerraformStack.isStack(value);
      if (name === 'cdktf.TerraformResource') return Construct.isConstruct(value) && TerraformResource.isTerraformResource(value);
      return Construct.isConstruct(value);
    default: return true;
  }
}

/**
 * The problems of a value against the type its jsii declaration promises (`string`, `list<string>`,
 * `struct:UserAssignedIdentityProps`, ...), parts included: every prop of a struct, every entry of a
 * list. Values only Terraform knows (tokens) pass.
 */
export function typeProblems(property: string, value: unknown, declared: string, owner = ''): Problem[] {
  const optional = declared.endsWith('?');
  const type = optional ? declared.slice(0, -1) : declared;
  if (value === undefined || value === null) {
    if (optional && value === undefined) return [];
    if (optional && value === null && !type.startsWith('struct:')) return [];
    // A missing props object reads as its required props missing, each with its own fix.
    if (type.startsWith('struct:') && value !== null) return structProblems(undefined, type.slice(7), property);
    if (value === null && !optional) return [{ property, value: undefined, shown: 'null', problem: `${property} must be ${promise(type)}`, fix: fixFor(type, value) }];
    if (value === null) return [];
    return [{ property, value: undefined, problem: `${owner ? `${owner} needs` : 'needs'} ${property}`, fix: `pass ${property}` }];
  }
  if (!fits(type, value)) {
    return [{ property, value: undefined, shown: shown(value), problem: `${property} must be ${promise(type)}, not ${kindOf(value)}`, fix: fixFor(type, value) }];
  }
  if (unresolved(value)) return [];
  if (type.startsWith('list<')) {
    if (unresolved(value)) return [];
    const element = type.slice(5, -1);
    return (value as unknown[]).flatMap((item, i) => item === undefined || item === null
      ? [{ property: `${property}[${i}]`, value: undefined, shown: shown(item), problem: `a list entry must be ${promise(element)}, and this one is ${String(item)}`, fix: `remove the entry at index ${i}, or give its value` }]
      : typeProblems(`${property}[${i}]`, item, element));
  }
  if (type.startsWith('map<')) {
    const element = type.slice(4, -1);
    return Object.entries(value as object).flatMap(([key, item]) => typeProblems(`${property}.${key}`, item, element));
  }
  if (type.startsWith('struct:')) return structProblems(value, type.slice(7), property);
  return [];
}

/** The problems of a props object against its struct's declared shape (missing required props included, with near-miss hints). */
export function structProblems(props: unknown, struct: string, prefix = ''): Problem[] {
  const shape = shapes().STRUCTS[struct] ?? {};
  const values = (props ?? {}) as { [key: string]: unknown };
  const required = Object.entries(shape).filter(([, type]) => !type.endsWith('?') && !type.startsWith('struct:')).map(([prop]) => prop);
  const missing = requiredProblems(props as object, required, struct).map((p) => ({ ...p, property: prefix ? `${prefix}.${p.property}` : p.property }));
  const wrong = Object.entries(shape)
    .filter(([prop]) => !required.includes(prop) || (values[prop] !== undefined && values[prop] !== null))
    .flatMap(([prop, type]) => typeProblems(prefix ? `${prefix}.${prop}` : prop, values[prop], type, struct));
  return [...missing, ...wrong];
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (Construct.isConstruct(value)) return `the construct ${value.node.path}`;
  const branded = VALUE_OBJECTS.find((name) => hasBrand(value, name));
  if (branded) return `a ${branded}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Whether a value surely has no problems against one declared type; `false` means "look closer". */
type SureCheck = (value: unknown) => boolean;

/**
 * The fast pass of every check, one function per declared type, built from the shapes table the
 * first time a type is checked and kept (a function of constant data, holding no app state): the
 * common call is answered without parsing type strings, building messages or resolving tokens.
 * `false` means "look closer" (`typeProblems` decides), never "wrong", so a token or a null where
 * one is allowed still passes.
 */
const sureCheck = onFirstUse(() => sureChecksOf(shapes()));

function sureChecksOf(table: typeof Shapes): (declared: string) => SureCheck {
  // No prototype: a type name is never mistaken for an inherited member.
  const checks: { [declared: string]: SureCheck } = Object.create(null);
  const of = (declared: string): SureCheck => checks[declared] ??= compile(declared);
  function compile(declared: string): SureCheck {
    if (declared.endsWith('?')) {
      const inner = of(declared.slice(0, -1));
      return (value) => value === undefined || inner(value);
    }
    if (declared === 'string' || declared.startsWith('enum:')) return (value) => typeof value === 'string';
    if (declared === 'number') return (value) => typeof value === 'number' && !Number.isNaN(value);
    if (declared === 'boolean') return (value) => typeof value === 'boolean';
    if (declared.startsWith('list<')) {
      const element = of(declared.slice(5, -1));
      return (value) => Array.isArray(value) && value.every(element);
    }
    if (declared.startsWith('map<')) {
      const element = of(declared.slice(4, -1));
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (const key in value) if (!element((value as { [key: string]: unknown })[key])) return false;
        return true;
      };
    }
    if (declared.startsWith('struct:')) {
      const shape = table.STRUCTS[declared.slice(7)];
      if (!shape) return () => false;
      const props = Object.keys(shape);
      const types = props.map((prop) => shape[prop]);
      // Its props' checks are looked up when it runs: a struct may refer to itself.
      const check: SureCheck = (value) => {
        if (!isPlainObject(value) || VALUE_OBJECTS.some((name) => hasBrand(value, name))) return false;
        for (let i = 0; i < props.length; i++) if (!checks[types[i]]((value as { [key: string]: unknown })[props[i]])) return false;
        return true;
      };
      checks[declared] = check;
      types.forEach(of);
      return check;
    }
    // Not `fits`: whether an object is a token makes cdktf scan its keys, and a construct has many.
    const [kind, name] = declared.split(':');
    if (kind === 'class') return (value) => hasBrand(value, name);
    if (kind === 'interface') {
      const members = interfaceMembers(table, name);
      return (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && members.every((member) => member in value);
    }
    return (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && kindFits(declared, value);
  }
  return of;
}

/** An object that may hold props: not null, a list or a construct. */
function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Construct.isConstruct(value);
}

/** The problems of the arguments of one public entry point (`Class.method`), from its jsii declaration. */
export function argumentProblems(entryPoint: string, args: unknown[], from = 0, to?: number): Problem[] {
  const parameters = shapes().ENTRY_POINTS[entryPoint];
  if (!parameters) throw new Error(`unknown entry point ${entryPoint}`);
  const end = Math.min(to ?? parameters.length, parameters.length);
  let clean = true;
  const check = sureCheck();
  for (let i = from; i < end && clean; i++) clean = check(parameters[i][1])(args[i]);
  if (clean) return [];
  return parameters.slice(from, to).flatMap(([name, type], i) => {
    const value = args[from + i];
    // A props object's own props are named bare, as the user wrote them: `name`, not `props.name`.
    const struct = /^struct:([A-Za-z0-9]+)(\?)?$/.exec(type);
    if (struct && value === undefined && struct[2]) return [];
    if (struct && (value === undefined || (fits(type.replace('?', ''), value) && !unresolved(value)))) return structProblems(value, struct[1]);
    return typeProblems(name, value, type, entryPoint.replace('.constructor', ''));
  });
}

/**
 * Throws a ValidationError when the arguments of a public entry point are not what its jsii types
 * promise: under `path` (the construct's, or where it would be).
 */
export function conform(path: string, entryPoint: string, args: unknown[], from = 0, to?: number): void {
  const problems = argumentProblems(entryPoint, args, from, to);
  if (problems.length) throw invalidAt(path, ...problems);
}

/** Where a construct made from `scope` and `id` would live, for messages before it exists. */
export function pathOf(scope: unknown, id: unknown): string {
  const parent = Construct.isConstruct(scope) ? scope.node.path : '';
  const child = typeof id === 'string' ? id : '';
  return [parent, child].filter(Boolean).join('/');
}

/**
 * A constructor's arguments, checked before `super` runs (a missing scope would make a root
 * construct, a number as id a TypeError, and a base constructor may read the props): returns the
 * scope, for `super(checkedArgs('Class.constructor', [scope, id, props]), id)`.
 */
export function checkedArgs<T>(entryPoint: string, args: [T, ...unknown[]]): T {
  conform(pathOf(args[0], args[1]), entryPoint, args, 0, args.length);
  return args[0];
}

/** Which of the path's constructs a method's check reports under. */
export function pathFor(scope: IConstruct, id?: unknown): string {
  return id === undefined ? scope.node.path : pathOf(scope, id);
}
