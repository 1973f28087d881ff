import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ValidationError } from './errors';
import { Rule } from './rules';

/**
 * Applies a rule to a literal value and throws a `ValidationError` naming the construct,
 * the property and the value. `undefined` and unresolved tokens pass untouched: their
 * value is only known to Terraform.
 */
export function check(scope: IConstruct, property: string, value: string | undefined, rule: Rule): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  const violation = rule(value);
  if (violation) {
    throw new ValidationError(scope, `invalid ${property} ${JSON.stringify(value)}: ${violation.problem}. Fix: ${violation.fix}.`);
  }
}

/** True when the value is a plain string the library can inspect. */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !Token.isUnresolved(value);
}
