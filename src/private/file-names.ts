import { createHash } from 'crypto';
import { isLiteral } from './problems';

/** Most file systems allow 255 bytes a name; this leaves room for the suffix and a margin. */
const MAX_BASE_NAME = 200;

/**
 * `<namespace>-<name>.serviceaccount.yaml`. A namespace (63) and a name (253) can be longer together
 * than a file name may be, so a long one keeps its start and gains a hash of the whole; a token (a
 * value only Terraform knows) never reaches a file name: the construct path stands in.
 */
export function manifestFileName(namespace: string, name: string, constructPath: string): string {
  const readable = isLiteral(namespace) && isLiteral(name)
    ? `${namespace}-${name}`
    : `construct-${constructPath.replace(/[^a-zA-Z0-9-]+/g, '-')}-${shortHash(constructPath)}`;
  const base = readable.length > MAX_BASE_NAME
    ? `${readable.slice(0, MAX_BASE_NAME - 11)}-${shortHash(readable)}`
    : readable;
  return `${base}.serviceaccount.yaml`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
