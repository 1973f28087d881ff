import { IConstruct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Problem, Rule, describeProblem, isLiteral, literal, problemsOf } from '../private/problems';
import { secretNameProblems, secretValueProblems } from '../private/pipeline-rules';
import { resolveIn } from '../private/resolve';

/**
 * The problems of the variables a pipeline construct writes: names at the platform's rule, nothing
 * that looks secret, and no name given twice (the library's own names included).
 */
export function variableProblems(property: string, variables: { [name: string]: string }, nameRule: Rule, reserved: string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map(reserved.map((name) => [name.toUpperCase(), 'the library']));
  for (const [name, value] of Object.entries(variables)) {
    const at = `${property}.${name}`;
    problems.push(...problemsOf(at, name, nameRule), ...secretNameProblems(at, name), ...literal(value, (v) => secretValueProblems(at, v)));
    const before = seen.get(name.toUpperCase());
    if (before) {
      problems.push({
        property: at, value: name,
        problem: `${before} already sets ${name} (the platforms compare variable names without case)`,
        fix: before === 'the library' ? `drop ${name}: the construct writes it from the identity` : 'give each variable once',
      });
    }
    seen.set(name.toUpperCase(), property);
  }
  return problems;
}

/**
 * A value that refers to a sensitive Terraform variable would put a secret into a plain CI variable.
 * Checked once the tree is complete, since the variable can be declared after the reference.
 */
export function refuseSensitiveReferences(scope: IConstruct, property: string, variables: { [name: string]: string }): void {
  const references = Object.entries(variables).filter(([, value]) => !isLiteral(value));
  if (references.length === 0) return;
  scope.node.addValidation({
    validate: () => {
      const stack = TerraformStack.of(scope);
      const show = (value: string) => String(resolveIn(scope, value));
      const sensitive = stack.node.findAll().filter((c): c is TerraformVariable => c instanceof TerraformVariable && c.sensitive === true)
        .map((v) => ({ path: v.node.path, reference: show(v.stringValue).replace(/^\$\{(.*)\}$/, '$1') }));
      return references.flatMap(([name, value]) => {
        const resolved = show(value);
        return sensitive.filter((v) => resolved.includes(v.reference)).map((v) => describeProblem({
          property: `${property}.${name}`, value: resolved,
          problem: `it reads the sensitive variable ${v.path}, and a plain CI variable would show its value to anyone who can read the settings`,
          fix: 'leave secrets out of pipeline variables: keyless sign-in needs none',
        }));
      });
    },
  });
}
