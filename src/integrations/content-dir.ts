/** Where the handbook's content lives: ./content, or $OPSBOOK_CONTENT to build another handbook folder. */
import path from 'node:path';

export function contentDir(): string {
  return path.resolve(process.env.OPSBOOK_CONTENT ?? 'content');
}
