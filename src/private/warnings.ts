import { IConstruct } from 'constructs';
import { Annotations, TerraformStack } from 'cdktf';
import { HookPhase, atSynth, stackState } from './identity-root';

/** A risky-but-legal choice: which rule it breaks (the key warnings are grouped by) and what to say. */
export interface Warning {
  /** A short title for the rule, e.g. "GitHub trusts without repository IDs"; warnings are grouped by it. */
  readonly rule: string;
  readonly message: string;
}

/** How many places a grouped warning names before it summarizes the rest. */
const PLACES_SHOWN = 5;

/**
 * Warns about `scope`. Warnings are emitted when the stack synthesizes, once per rule and stack:
 * a rule met in one place warns on that construct; a rule met in many places warns once, on the
 * stack, naming the places. Thousands of identical annotations help no reader, and cdktf gathers
 * annotations in time that grows with the square of their number.
 */
export function warn(scope: IConstruct, warning: Warning): void {
  warnIf(scope, () => warning);
}

/** Like `warn`, for a check that can only run once the tree is complete: undefined means no warning. */
export function warnIf(scope: IConstruct, check: () => Warning | undefined): void {
  const stack = TerraformStack.of(scope);
  const pending = stackState(stack, 'pending warnings@1', (): PendingWarning[] => []);
  // Emitted at the stack's next synthesis: a warning added after one synth still reaches the next.
  if (pending.length === 0) atSynth(stack, HookPhase.REPORT, () => emit(stack, pending.splice(0)));
  pending.push({ scope, warning: check });
}

interface PendingWarning {
  readonly scope: IConstruct;
  readonly warning: () => Warning | undefined;
}

function emit(stack: TerraformStack, entries: PendingWarning[]): void {
  const byRule = new Map<string, Array<{ scope: IConstruct; warning: Warning }>>();
  for (const { scope, warning } of entries) {
    const found = warning();
    if (!found) continue;
    const group = byRule.get(found.rule);
    if (group) group.push({ scope, warning: found });
    else byRule.set(found.rule, [{ scope, warning: found }]);
  }
  for (const [rule, group] of byRule) {
    if (group.length === 1) {
      Annotations.of(group[0].scope).addWarning(group[0].warning.message);
      continue;
    }
    const places = group.slice(0, PLACES_SHOWN).map((g) => g.scope.node.path);
    const more = group.length > PLACES_SHOWN ? ` and ${group.length - PLACES_SHOWN} more` : '';
    Annotations.of(stack).addWarning(`${rule}: ${group.length} places in this stack, ${places.join(', ')}${more}. `
      + `The first says: ${group[0].warning.message}`);
  }
}
