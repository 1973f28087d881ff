import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

/**
 * A problem found in a value object (a trust, a provider auth), which has no construct path of its
 * own: the construct that uses it reports it.
 */
export interface Problem {
  readonly property: string;
  readonly value: string;
  readonly problem: string;
  readonly fix: string;
}

/** One line per problem: `invalid <property> "<value>": <problem>. Fix: <fix>.` */
function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `invalid ${p.property} ${JSON.stringify(p.value)}: ${p.problem}. Fix: ${p.fix}.`).join('\n');
}

/** Throws every problem at once, under the construct's path; does nothing when there are none. */
export function throwProblems(scope: IConstruct | undefined, problems: Problem[]): void {
  if (problems.length) throw new ValidationError(scope, describeProblems(problems));
}
