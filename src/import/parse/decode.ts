import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export type Decoded = { text: string; encoding: string } | { error: string };

/** Bytes of the start of a file looked at for binary detection and charset sniffing. */
const SAMPLE = 64 * 1024;

/**
 * Turns the raw bytes of an input into text. Order: BOM, then strict UTF-8 (most inputs), then a charset
 * declared in the document, then statistical detection (jschardet) for legacy Chinese files (GBK/GB18030,
 * Big5). Binary content is refused rather than decoded into garbage.
 */
export function decodeBytes(bytes: Buffer): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(iconv.decode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(iconv.decode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // A NUL byte never occurs in text (UTF-16 was handled by its BOM above).
  if (body.subarray(0, SAMPLE).includes(0)) return { error: 'binary file: the content is not text' };
  const text = decodeUtf8(body);
  if (text !== null) return finish(text, 'utf-8');
  if (looksBinary(body)) return { error: 'binary file: the content is not text' };
  const encoding = declaredCharset(body) ?? detectedCharset(body);
  return finish(iconv.decode(body, encoding), encoding);
}

/**
 * Strict UTF-8, except that a truncated file may end inside a multi-byte character: that is still a UTF-8
 * file (to be parsed as far as it goes), not a legacy encoding to guess.
 */
function decodeUtf8(bytes: Buffer): string | null {
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    const head = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(head)) return head.toString('utf8');
  }
  return null;
}

function finish(text: string, encoding: string): Decoded {
  if (!/[^\s\ufeff\u200b]/.test(text)) return { error: 'empty file: only whitespace' };
  return { text, encoding };
}

/**
 * Bytes that are neither UTF-8 nor free of NULs are decoded with a legacy charset only if they look like
 * text: binary when more than 10% of the sample is control bytes other than tab/newline/CR/form feed/escape.
 */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      control++;
    }
  }
  return control > sample.length * 0.1;
}

/** GB2312 and GBK files routinely contain GB18030-only characters; GB18030 decodes all three. */
function normalizeCharset(name: string): string | null {
  const lower = name.toLowerCase().trim();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312'].includes(lower))
    return 'gb18030';
  if (['big5', 'big5-hkscs', 'x-big5', 'cp950'].includes(lower)) return 'big5hkscs';
  return iconv.encodingExists(lower) ? lower : null;
}

function declaredCharset(bytes: Buffer): string | null {
  // Charset names are ASCII, so reading the bytes as latin1 finds them whatever the real encoding is.
  const head = bytes.subarray(0, 4096).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return match ? normalizeCharset(match[1]) : null;
}

function detectedCharset(bytes: Buffer): string {
  const guess = jschardet.detect(bytes.subarray(0, SAMPLE));
  const normalized = guess.encoding ? normalizeCharset(guess.encoding) : null;
  // Invalid UTF-8 with no usable guess: for this Chinese-news corpus GB18030 is the likeliest legacy charset.
  return normalized ?? 'gb18030';
}
