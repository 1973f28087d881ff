import { IConstruct } from 'constructs';

/**
 * The one error type this library throws for bad input.
 *
 * Every message has the same four parts, so that a pipeline log is enough to fix the program:
 * the construct path, the offending property and value, what is wrong, and how to fix it:
 * `path: invalid <property> "<value>": <problem>. Fix: <fix>.`
 *
 * TypeScript and JavaScript only: jsii cannot export a subclass of `Error`, so other languages see
 * the same message on the error their runtime raises.
 *
 * @jsii ignore
 */
export class ValidationError extends Error {
  /** Recognises the library's errors across copies of the library (as `instanceof` cannot). */
  public static isValidationError(x: unknown): x is ValidationError {
    return x instanceof Error && (x as { [VALIDATION_ERROR_BRAND]?: boolean })[VALIDATION_ERROR_BRAND] === true;
  }

  /** Path of the construct that received the bad value; empty for a lookup outside any construct. */
  public readonly constructPath: string;

  constructor(scope: IConstruct | undefined, message: string) {
    super(scope ? `${scope.node.path}: ${message}` : message);
    this.name = 'ValidationError';
    this.constructPath = scope?.node.path ?? '';
    Object.defineProperty(this, VALIDATION_ERROR_BRAND, { value: true });
  }
}

const VALIDATION_ERROR_BRAND = Symbol.for('cdktf-azure-identity.ValidationError');
