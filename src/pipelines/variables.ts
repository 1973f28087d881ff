import { IConstruct } from 'constructs';
import { TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { Problem, Rule, describeProblem, isLiteral, literal, problemsOf } from '../private/problems';
import { secretNameProblems, secretValueProblems, secretWordOf } from '../private/pipeline-rules';
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
 * A value that refers to a secret would put it into a plain CI variable: a sensitive Terraform
 * variable, an attribute whose name says it holds a secret (`azuread_application_password.ci.value`,
 * `azurerm_storage_account.st.primary_access_key`, `random_password.db.result`), or a local whose
 * expression reads one. Checked once the tree is complete, since what is referred to can be declared
 * after the reference.
 */
export function refuseSensitiveReferences(scope: IConstruct, property: string, variables: { [name: string]: string }): void {
  const references = Object.entries(variables).filter(([, value]) => !isLiteral(value));
  if (references.length === 0) return;
  scope.node.addValidation({
    validate: () => {
      const stack = TerraformStack.of(scope);
      const show = (value: unknown) => String(resolveIn(scope, value));
      const sensitive = new Map(stack.node.findAll().filter((c): c is TerraformVariable => c instanceof TerraformVariable && c.sensitive === true)
        .map((v) => [show(v.stringValue).replace(/^\$\{(.*)\}$/, '$1'), v.node.path]));
      const locals = new Map(stack.node.findAll().filter((c): c is TerraformLocal => c instanceof TerraformLocal)
        // The local's own expression, as its `locals` block writes it (its `expression` getter reads back `local.<name>`).
        .map((l) => [`local.${l.friendlyUniqueId}`, () => JSON.stringify(resolveIn(scope, l.toTerraform()))]));
      return references.flatMap(([name, value]) => {
        const resolved = show(value);
        const secret = secretReferenceIn(resolved, sensitive, locals);
        return secret ? [describeProblem({
          property: `${property}.${name}`, value: resolved,
          problem: `it reads ${secret}, and a plain CI variable would show its value to anyone who can read the settings`,
          fix: 'leave secrets out of pipeline variables: keyless sign-in needs none',
        })] : [];
      });
    },
  });
}

/** Every Terraform reference in an expression: `var.x`, `local.y`, `type.name.attr...`, `data.type.name.attr...`. */
const REFERENCE = /\b(?:var\.[\w-]+|local\.[\w-]+|data\.[\w-]+\.[\w-]+(?:\.[\w-]+)*|[a-z][\w-]*\.[\w-]+(?:\.[\w-]+)+)/g;

/** What secret `expression` reads, described for people; undefined when it reads none. */
function secretReferenceIn(expression: string, sensitive: Map<string, string>, locals: Map<string, () => string>, seen = new Set<string>()): string | undefined {
  for (const reference of expression.match(REFERENCE) ?? []) {
    const variable = sensitive.get(reference);
    if (variable) return `the sensitive variable ${variable}`;
    const local = locals.get(reference);
    if (local && !seen.has(reference)) {
      seen.add(reference);
      const inner = secretReferenceIn(local(), sensitive, locals, seen);
      if (inner) return `${inner}, through ${reference}`;
      continue;
    }
    if (reference.startsWith('var.') || reference.startsWith('local.')) continue;
    // The type and the attribute say what the value is (`azuread_application_password` ... `value`,
    // `random_password` ... `result`, ... `primary_access_key`); the resource's own name says nothing.
    const parts = reference.split('.');
    const [type, ...attributes] = parts[0] === 'data' ? [parts[1], ...parts.slice(3)] : [parts[0], ...parts.slice(2)];
    if (secretWordOf([type, ...attributes].join('_'))) return `${reference}, which holds a secret`;
  }
  return undefined;
}
