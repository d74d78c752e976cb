/**
 * Bytes of an export → text. 生意参谋 and Chinese Excel save GBK/GB18030, which is first class here;
 * UTF-16 ("Unicode 文本") and spreadsheets renamed .csv are refused with the reason.
 * The platform's TextDecoder does the decoding (Node has full ICU): no extra package.
 */
export type CsvEncoding = 'UTF-8' | 'UTF-8 BOM' | 'GB18030' | 'Big5';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly reason: 'utf16' | 'undecodable' | 'spreadsheet'; readonly encoding: string; readonly line: number };

const strict = (label: string) => new TextDecoder(label, { fatal: true });

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return strict(label).decode(bytes);
  } catch {
    return undefined;
  }
}

/** An .xls (OLE compound file) or .xlsx/.ods (zip) saved under a .csv name. */
export function spreadsheetMagic(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  return undefined;
}

/** The candidate decodings of a file, in order of preference; the caller picks the one whose header it recognises. */
export function decodeCsv(
  bytes: Uint8Array,
  options: { big5First?: boolean } = {},
): DecodeResult | { ok: true; candidates: { text: string; encoding: CsvEncoding }[] } {
  const magic = spreadsheetMagic(bytes);
  if (magic) return { ok: false, reason: 'spreadsheet', encoding: magic, line: 1 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'utf16', encoding: bytes[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE', line: 1 };
  }
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, reason: 'utf16', encoding: 'UTF-16', line: 1 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== undefined) return { ok: true, text, encoding: 'UTF-8 BOM' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const candidates: { text: string; encoding: CsvEncoding }[] = [];
  const gb = tryDecode('gb18030', bytes);
  const big5 = tryDecode('big5', bytes);
  if (gb !== undefined) candidates.push({ text: gb, encoding: 'GB18030' });
  if (big5 !== undefined) candidates[options.big5First ? 'unshift' : 'push']({ text: big5, encoding: 'Big5' });
  if (candidates.length > 0) return { ok: true, candidates };
  return { ok: false, reason: 'undecodable', encoding: '非 UTF-8/GB18030 (neither UTF-8 nor GB18030)', line: badByteLine(bytes) };
}

/** The line of the first byte GB18030 cannot read (U+FFFD in a lenient decode). */
function badByteLine(bytes: Uint8Array): number {
  const text = new TextDecoder('gb18030').decode(bytes);
  const at = text.indexOf('\uFFFD');
  if (at === -1) return 1;
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

let gbkEncoder: Map<string, number[]> | undefined;

/**
 * Text → GBK bytes (the two-byte GBK range of GB18030), or undefined when a character is outside it. The
 * table is built from the platform's own GB18030 decoder, once, on first use: used for the mojibake hint
 * and to write GBK test files and samples.
 */
export function encodeGbk(text: string): Uint8Array | undefined {
  if (!gbkEncoder) {
    gbkEncoder = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkEncoder.has(ch)) gbkEncoder.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkEncoder.get(ch);
      if (!bytes) return undefined;
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/**
 * Text that was UTF-8, read as GBK and saved again as UTF-8 (乱码: 鏃ユ湡 for 日期): encoding it back to
 * GBK and reading that as UTF-8 gives the original.
 */
export function undoMojibake(text: string): string | undefined {
  const bytes = encodeGbk(text);
  return bytes && tryDecode('utf-8', bytes);
}
