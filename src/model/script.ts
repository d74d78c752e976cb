/**
 * Simplified ⇄ Traditional folding. Uses opencc-js (a maintained port of OpenCC,
 * with phrase-level tables) rather than a hand-written character map.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** A spelling-insensitive key: Simplified script, lower case, trimmed. */
export function foldScript(text: string): string {
  return toSimplified(text).toLowerCase().trim();
}

export function simplifiedToTraditional(text: string): string {
  return toTraditional(text);
}
