import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from '../core/validation-error';

/**
 * One piece of bad input: which property, its value, what is wrong and how to put it right.
 * Value objects (a trust, a provider auth) have no construct path of their own, so they collect
 * problems and the construct that uses them reports them under its path.
 */
export interface Problem {
  readonly property: string;
  /** The value as given; undefined for a property that is missing. */
  readonly value: string | undefined;
  /**
   * The value as the message shows it, when it is not a string (a number, a list, a Symbol...):
   * set by the shape checks so that `42` and `"42"`, or `"false"` and `false`, never read alike.
   */
  readonly shown?: string;
  readonly problem: string;
  readonly fix: string;
}

/** What a pure rule finds wrong with a value: a problem before it is tied to a property. */
export type Violation = Pick<Problem, 'problem' | 'fix'>;

/** A pure rule: `undefined` for a good value. Rules know nothing of constructs or tokens. */
export type Rule = (value: string) => Violation | undefined;

/**
 * What every token that cdktf (and CDK Terrain) encodes in a string holds: `${TfToken[...]}`, and
 * `#{TfToken[...]}` for a list, `&{TfToken[...]}` for a map (tokens/private/encoding.js of either).
 * A string without it is a plain value, answered without the regular expressions `Token.isUnresolved`
 * runs; test/private/problems.test.ts holds every public way to make a token to it.
 */
const TOKEN_MARKER = 'TfToken[';

/**
 * True when the value is a plain string the library can inspect: not undefined, not a token, and not
 * the element that stands for a whole list only Terraform knows (`Token.asList(variable)` gives one).
 * (`Token.isUnresolved` of a one-element list tests that element for a list token; `reverseList`
 * would answer the same for a whole element but splits every string it is given, which cost about
 * 2 microseconds a call until V8 optimizes it, and the library asks this a hundred times a workload.)
 */
export function isLiteral(value: string | undefined): value is string {
  if (typeof value === 'string' && !value.includes(TOKEN_MARKER)) return true;
  return value !== undefined && !Token.isUnresolved(value) && !Token.isUnresolved([value]);
}

/** The problems a check finds in a literal value; none for `undefined` and for tokens, which only Terraform knows. */
export function literal(value: string | undefined, problems: (value: string) => Problem[]): Problem[] {
  return isLiteral(value) ? problems(value) : [];
}

/** The problems of a literal value under a rule, named after the property. */
export function problemsOf(property: string, value: string | undefined, rule: Rule): Problem[] {
  return literal(value, (v) => {
    const violation = rule(v);
    return violation ? [{ property, value: v, ...violation }] : [];
  });
}

/** The library's one message shape: `invalid <property> "<value>": <problem>. Fix: <fix>.` */
export function describeProblem(p: Problem): string {
  const value = p.shown ?? (p.value === undefined ? '(not given)' : JSON.stringify(p.value));
  return `invalid ${p.property} ${value}: ${p.problem}. Fix: ${p.fix}.`;
}

/** The error for one or more problems, under the construct's path (none for a lookup outside any construct). */
export function invalid(scope: IConstruct | undefined, ...problems: Problem[]): ValidationError {
  return new ValidationError(scope, problems.map(describeProblem).join('\n'));
}

/**
 * The error for problems found before the construct exists (a bad scope or id, or a static factory's
 * arguments): under the path the construct would have.
 */
export function invalidAt(path: string, ...problems: Problem[]): ValidationError {
  return path ? invalid({ node: { path } } as IConstruct, ...problems) : invalid(undefined, ...problems);
}

/** Throws every problem at once, under the construct's path; does nothing when there are none. */
export function throwProblems(scope: IConstruct | undefined, problems: Problem[]): void {
  if (problems.length) throw invalid(scope, ...problems);
}

/** Applies a rule to a literal value and throws under the construct's path; tokens pass untouched. */
export function check(scope: IConstruct, property: string, value: string | undefined, rule: Rule): void {
  throwProblems(scope, problemsOf(property, value, rule));
}
