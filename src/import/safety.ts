/**
 * Every imported file is untrusted: a size cap before it is read, a look at its first bytes (a legacy
 * .doc/.xls, a password-protected Office file and a zip are told apart before any parser runs), and for
 * .docx/.xlsx a zip check that inflates every part with a byte cap before mammoth or read-excel-file
 * sees the file: their unzippers trust the sizes a zip declares, so a zip bomb would fill memory there.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { ImportError, type FileKind } from './messages.ts';

export interface Limits {
  /** Largest file read at all (bytes). */
  readonly fileBytes: number;
  /** Largest total of a zip's inflated parts (bytes). */
  readonly inflatedBytes: number;
  /** Most parts in a zip. */
  readonly zipEntries: number;
  /** Most rows of a sheet or CSV. */
  readonly rows: number;
}

export const LIMITS: Record<FileKind, Limits> = {
  docx: { fileBytes: 30 * 1024 * 1024, inflatedBytes: 120 * 1024 * 1024, zipEntries: 5_000, rows: 0 },
  xlsx: { fileBytes: 20 * 1024 * 1024, inflatedBytes: 80 * 1024 * 1024, zipEntries: 5_000, rows: 5_000 },
  csv: { fileBytes: 10 * 1024 * 1024, inflatedBytes: 0, zipEntries: 0, rows: 5_000 },
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** An OLE compound file holding a stream named EncryptedPackage: Office's "encrypt with password". */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

export type Sniffed = 'zip' | 'encrypted' | 'legacy-office' | 'other';

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, CFB_MAGIC)) return isEncryptedOffice(bytes) ? 'encrypted' : 'legacy-office';
  return 'other';
}

/** Refuses what the sniff shows is not an Office Open XML zip of this kind, with what to do instead. */
export function requireOfficeZip(bytes: Uint8Array, file: string, kind: 'docx' | 'xlsx'): void {
  const found = sniff(bytes);
  if (found === 'zip') return;
  if (bytes.length === 0) throw new ImportError('empty-file', file);
  if (found === 'encrypted') throw new ImportError('password', file, { kind });
  if (found === 'legacy-office') throw new ImportError(kind === 'docx' ? 'legacy-doc' : 'legacy-xls', file);
  throw new ImportError('not-office', file, { kind });
}

/**
 * Inflates every part of a zip with caps: at most `limits.zipEntries` parts, each no larger than the zip's
 * central directory says and all together under `limits.inflatedBytes`; the parts read in order must be the
 * parts the directory lists (overlapping or hidden parts are how "better" zip bombs multiply their output).
 * Throws an ImportError (corrupt / too large); returns the part names.
 */
export function checkZip(bytes: Uint8Array, file: string, limits: Limits): string[] {
  const declared = new Map<string, number>();
  let compressedTotal = 0;
  let declaredTotal = 0;
  try {
    unzipSync(bytes, {
      filter: (info) => {
        if (declared.has(info.name)) throw new ImportError('corrupt', file, { detail: `duplicate part ${info.name}` });
        declared.set(info.name, info.originalSize);
        compressedTotal += info.size;
        declaredTotal += info.originalSize;
        if (declared.size > limits.zipEntries) throw new ImportError('zip-bomb', file, { limit: limits.inflatedBytes });
        return false; // only the directory here: nothing is inflated yet
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('corrupt', file, { detail: (error as Error).message });
  }
  if (declared.size === 0) throw new ImportError('corrupt', file, { detail: 'no parts' });
  if (compressedTotal > bytes.length || declaredTotal > limits.inflatedBytes) throw new ImportError('zip-bomb', file, { limit: limits.inflatedBytes });

  const seen = new Map<string, number>();
  let total = 0;
  let failure: ImportError | undefined;
  const unzip = new Unzip((entry) => {
    const expected = declared.get(entry.name);
    if (expected === undefined) {
      failure ??= new ImportError('corrupt', file, { detail: `part ${entry.name} missing from the directory` });
      return;
    }
    let size = 0;
    entry.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new ImportError('corrupt', file, { detail: error.message });
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > expected || total > limits.inflatedBytes) {
        failure = new ImportError('zip-bomb', file, { limit: limits.inflatedBytes });
        entry.terminate();
      }
      seen.set(entry.name, size);
    };
    seen.set(entry.name, 0);
    try {
      entry.start();
    } catch (error) {
      failure ??= new ImportError('corrupt', file, { detail: (error as Error).message });
    }
  });
  unzip.register(UnzipInflate);
  // Small input chunks: one chunk of deflate inflates to at most ~1000× its size before the cap is looked at.
  const CHUNK = 16 * 1024;
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= new ImportError('corrupt', file, { detail: (error as Error).message });
  }
  if (failure) throw failure;
  for (const [name, size] of declared) {
    if (seen.get(name) !== size) throw new ImportError('corrupt', file, { detail: `part ${name}: ${seen.get(name) ?? 'not found'} of ${size} bytes` });
  }
  return [...declared.keys()];
}
