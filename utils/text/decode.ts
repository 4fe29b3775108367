/**
 * Turns the bytes of an imported file into text. Excel writes CSV as UTF-8 with a BOM ("CSV UTF-8") or in
 * the system code page, which on Chinese Windows is GBK; both are accepted. Anything else is rejected with
 * a message rather than guessed, because a wrong guess imports mojibake as knowledge.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; message: string };

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `gbkSupported` is injectable because a Node build without full ICU lacks the GBK decoder. */
export function decodeText(bytes: Uint8Array, gbkSupported = isGbkSupported()): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    return text === undefined
      ? { ok: false, message: 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8' }
      : { ok: true, text, encoding: 'utf-8', bom: true };
  }
  // Excel's "Unicode text" export is UTF-16 with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict('utf-16le', bytes.subarray(2));
    if (text !== undefined) return { ok: true, text, encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict('utf-16be', bytes.subarray(2));
    if (text !== undefined) return { ok: true, text, encoding: 'utf-16be', bom: true };
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  const damage = utf8Damage(bytes);
  if (damage) {
    return {
      ok: false,
      message: `the file is UTF-8 but damaged at line ${damage.line} (byte ${damage.offset}): re-save or re-download it`,
    };
  }
  if (!gbkSupported) {
    return {
      ok: false,
      message: 'the file is not UTF-8 and this browser cannot decode GBK: save it as "CSV UTF-8" in Excel',
    };
  }
  // GB18030 is a superset of GBK and GB2312, so one decoder covers every Chinese Windows code page.
  const gbk = decodeStrict('gb18030', bytes);
  if (gbk !== undefined) return { ok: true, text: gbk, encoding: 'gbk', bom: false };
  return {
    ok: false,
    message: 'the file is neither UTF-8 nor GBK text: save it as "CSV UTF-8" (Excel) or UTF-8 JSON',
  };
}

export function isGbkSupported(): boolean {
  try {
    new TextDecoder('gb18030');
    return true;
  } catch {
    return false;
  }
}

/**
 * A UTF-8 file with a few broken bytes must not be "rescued" as GBK mojibake. GBK text almost never
 * forms valid UTF-8 multi-byte sequences, so when most non-ASCII bytes do, the file is damaged UTF-8.
 */
export function utf8Damage(bytes: Uint8Array): { offset: number; line: number } | undefined {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid += len;
      i += len;
    } else {
      if (first === -1) first = i;
      invalid++;
      i++;
    }
  }
  if (first === -1 || valid <= invalid * 4) return undefined;
  let line = 1;
  for (let i = 0; i < first; i++) if (bytes[i] === 10) line++;
  return { offset: first, line };
}
