/**
 * Writes the result cards (src/search/shared/cards.ts) from the fragments
 * Pagefind has just written: each fragment file is gzip of "pagefind_dcd" and
 * JSON, either one page or, when Pagefind bundles fragments (its
 * max_fragments), an object of pages by id.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packCards, type FragmentRecord } from '../shared/cards.ts';

const SIGNATURE = 'pagefind_dcd';
const EXTENSION = '.pf_fragment';

interface StoredFragment {
  url: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

/** The pages of one fragment file (its id is the file name: en_13ff516.pf_fragment). */
export function fragmentRecords(fileName: string, compressed: Uint8Array): FragmentRecord[] {
  let bytes = Buffer.from(compressed);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${fileName} is not a Pagefind fragment`);
  const json = JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as StoredFragment | Record<string, StoredFragment>;
  const record = (id: string, f: StoredFragment): FragmentRecord => ({ id, url: f.url, meta: f.meta ?? {}, filters: f.filters ?? {} });
  if (typeof json.url === 'string') return [record(path.basename(fileName, EXTENSION), json as StoredFragment)];
  return Object.entries(json as Record<string, StoredFragment>).map(([id, f]) => record(id, f));
}

/** Reads every fragment under <bundle>/fragment/ and writes the cards file; returns its name (content-hashed). */
export async function writeCards(bundle: string): Promise<{ file: string; records: number; bytes: number }> {
  const dir = path.join(bundle, 'fragment');
  const names = (await readdir(dir)).filter((n) => n.endsWith(EXTENSION)).sort();
  const records: FragmentRecord[] = [];
  // A few hundred reads in flight at a time: thousands of small files, read while the last ones decode.
  for (let i = 0; i < names.length; i += 256) {
    const batch = names.slice(i, i + 256);
    const contents = await Promise.all(batch.map((n) => readFile(path.join(dir, n))));
    batch.forEach((n, k) => records.push(...fragmentRecords(n, contents[k]!)));
  }
  const json = JSON.stringify(packCards(records));
  const file = `opsbook-cards.${createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;
  await writeFile(path.join(bundle, file), json);
  return { file, records: records.length, bytes: Buffer.byteLength(json) };
}
