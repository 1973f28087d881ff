import { Token } from 'cdktf';
import { Problem } from './problems';

/**
 * Checks that TypeScript makes at compile time and plain JavaScript callers never get: required
 * props present, lists that are lists, enum props that hold one of the enum's values. Tokens pass.
 */

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
  if (value === undefined || Array.isArray(value) || Token.isUnresolved(value)) return [];
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
  if (value === undefined || Token.isUnresolved(value) || Object.values(enumObject).includes(value as string)) return [];
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const byName = Object.entries(enumObject).find(([name, member]) => [normal(name), normal(member)].includes(normal(String(value))));
  const members = Object.keys(enumObject).map((name) => `${enumName}.${name}`);
  return [{
    property, value: String(value),
    problem: why ?? `it is not one of the values of ${enumName}`,
    fix: byName ? `use ${enumName}.${byName[0]}` : `use ${members.length > 1 ? `${members.slice(0, -1).join(', ')} or ${members[members.length - 1]}` : members[0]}`,
  }];
}
