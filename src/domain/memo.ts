/**
 * Derivations cached by the identity of their inputs. A build reads the
 * handbook once and every page asks the same questions of it (a department's
 * SOPs, who refers to an SOP, the title of an id): answering each from scratch
 * made every page cost O(handbook), the whole build O(n²). The model's inputs
 * are never mutated, so an answer stays valid as long as its input object lives.
 */

/** `derive(input)`, computed once per input object (weakly held: a new handbook gets new answers). */
export function memoByRef<A extends object, R>(derive: (input: A) => R): (input: A) => R {
  const cache = new WeakMap<A, R>();
  return (input) => {
    if (cache.has(input)) return cache.get(input) as R;
    const result = derive(input);
    cache.set(input, result);
    return result;
  };
}

/** Chinese collation, built once: String.prototype.localeCompare with a locale looks its collator up on every call. */
export const zhCollator = new Intl.Collator('zh');
/** The default collation, as localeCompare without a locale. */
export const defaultCollator = new Intl.Collator();
