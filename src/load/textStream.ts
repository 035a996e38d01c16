/**
 * Opens a data file as text whatever it was saved as: UTF-8 with or without
 * BOM, UTF-16 (what Excel's "Unicode text" writes) or GB18030/GBK (what
 * Chinese Excel and WPS write as "CSV"). The encoding is decided from the
 * first 64 KiB; the file is then decoded strictly, so a stray byte later on
 * is reported instead of turning into mojibake.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface OpenedText {
  encoding: TextEncoding;
  /** Had a byte-order mark. */
  bom: boolean;
  /** ',' for CSV; '\t' for tab-separated text such as Excel's "Unicode text". */
  delimiter: ',' | '\t';
  /** Decoded text in chunks; emits an EncodingError at the first byte that does not decode, a BinaryTextError at the first chunk that is not text. */
  stream: Readable;
  /**
   * Tells the stream whether the reader's last chunk ended inside a row. While one does, chunks
   * double in length: papaparse parses an open row again with each chunk, which over a 50 MB
   * field of 64 KiB chunks is quadratic (minutes); over doubling chunks it is linear.
   */
  rowOpen(open: boolean): void;
  /** SHA-256 (hex) of the bytes the stream has read: once it has ended, of the whole file as it was read. */
  bytesDigest(): string;
}

export class EncodingError extends Error {
  /** The message in Chinese. */
  readonly zh: string;

  constructor(
    readonly encoding: TextEncoding,
    /** Byte offset of the first byte that does not decode. */
    readonly offset: number,
    /** 1-based line on which it stands. */
    readonly line: number,
  ) {
    super(`the bytes at offset ${offset} are not valid ${encoding}`);
    this.zh = `从第${offset}个字节起不是有效的 ${encoding} 文本`;
  }
}

/**
 * Text that is not text: a file zero-filled by a crash or a full disk, or a binary file whose
 * bytes happen to decode. CSV text never holds NUL, and control characters only as a slip within a
 * field (which the field's own check reports); many of them mean the bytes are not text.
 */
export class BinaryTextError extends Error {
  /** The message in Chinese. */
  readonly zh: string;

  constructor(
    /** 1-based line on which the first NUL or control character stands. */
    readonly line: number,
    what: { en: string; zh: string },
  ) {
    super(`the file holds ${what.en} on line ${line}: it is zero-filled or binary, not CSV text`);
    this.zh = `文件第${line}行出现了${what.zh}：这是被零填充的文件或二进制文件，不是 CSV 文本`;
  }
}

/** Control characters text files do not hold: C0 but tab, line feed, vertical tab, form feed and carriage return, and DEL. */
const controlCharacters = /[\u0000-\u0008\u000e-\u001f\u007f]/gu;

/** Where a decoded chunk shows it is not text, or undefined: a NUL (UTF-16's zero bytes are gone once it is decoded as such), or control characters, eight or more and at least one in 100 characters. */
function binaryAt(text: string): { index: number; what: { en: string; zh: string } } | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return { index: nul, what: { en: 'NUL (zero) bytes', zh: 'NUL（零）字节' } };
  controlCharacters.lastIndex = 0;
  const first = controlCharacters.exec(text);
  if (!first) return undefined;
  let count = 1;
  while (controlCharacters.exec(text)) count++;
  if (count < 8 || count * 100 < text.length) return undefined;
  return { index: first.index, what: { en: `${count} control characters in ${text.length}`, zh: `大量控制字符（${text.length}个字符中有${count}个）` } };
}

/** Longest prefix of a chunk that decodes, as bytes and text: validity only gets lost as a prefix grows. */
function validPrefix(chunk: Uint8Array, encoding: TextEncoding): { bytes: number; text: string } {
  let [low, high] = [0, chunk.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder(encoding, { fatal: true }).decode(chunk.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return { bytes: low, text: new TextDecoder(encoding).decode(chunk.subarray(0, low), { stream: true }) };
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

const sampleSize = 64 * 1024;

function decodes(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Drops a character cut off at the end of a sample so it does not count against UTF-8. */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return bytes;
}

export function detectEncoding(sample: Uint8Array, wholeFile: boolean): { encoding: TextEncoding; bom: boolean } | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  // UTF-16 without a mark: ASCII characters leave a zero byte beside them.
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) zeroEven++;
    if (sample[2 * i + 1] === 0) zeroOdd++;
  }
  if (pairs > 0 && zeroOdd > pairs / 3 && zeroEven === 0) return { encoding: 'utf-16le', bom: false };
  if (pairs > 0 && zeroEven > pairs / 3 && zeroOdd === 0) return { encoding: 'utf-16be', bom: false };
  const trimmed = wholeFile ? sample : withoutCutCharacter(sample);
  if (decodes(trimmed, 'utf-8') !== undefined) return { encoding: 'utf-8', bom: false };
  // A GB18030 character is up to four bytes long and may be cut at the end of the sample.
  for (let cut = 0; cut <= (wholeFile ? 0 : 3); cut++) {
    if (decodes(sample.subarray(0, Math.max(0, sample.length - cut)), 'gb18030') !== undefined) return { encoding: 'gb18030', bom: false };
  }
  return undefined;
}

function decodingStream(input: Readable, encoding: TextEncoding): Pick<OpenedText, 'stream' | 'rowOpen' | 'bytesDigest'> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  // The bytes as read, for a digest of exactly what was parsed (a file saved again meanwhile is not mixed in).
  const bytes = createHash('sha256');
  let offset = 0;
  let lines = 1;
  // Text decoded but held back until a chunk of `wanted` characters is gathered.
  const held: string[] = [];
  let heldLength = 0;
  let lastLength = 0;
  let wanted = 0;
  const release = (): string | undefined => {
    if (heldLength === 0) return undefined;
    const text = held.length === 1 ? (held[0] as string) : held.join('');
    held.length = 0;
    heldLength = 0;
    lastLength = text.length;
    return text;
  };
  const decode = new Transform({
    readableObjectMode: true,
    readableHighWaterMark: 1,
    transform(chunk: Buffer, _encoding, done) {
      bytes.update(chunk);
      try {
        const text = decoder.decode(chunk, { stream: true });
        const binary = binaryAt(text);
        if (binary) {
          done(new BinaryTextError(lines + countNewlines(text.slice(0, binary.index)), binary.what));
          return;
        }
        offset += chunk.length;
        lines += countNewlines(text);
        if (text !== '') {
          held.push(text);
          heldLength += text.length;
        }
        done(null, heldLength >= wanted ? release() : undefined);
      } catch {
        const good = validPrefix(chunk, encoding);
        done(new EncodingError(encoding, offset + good.bytes, lines + countNewlines(good.text)));
      }
    },
    flush(done) {
      try {
        const rest = decoder.decode();
        if (rest !== '') held.push(rest);
        heldLength += rest.length;
        done(null, release());
      } catch {
        done(new EncodingError(encoding, offset, lines));
      }
    },
  });
  input.on('error', (error) => decode.destroy(error));
  return {
    stream: input.pipe(decode),
    rowOpen(open) {
      wanted = open ? 2 * lastLength : 0;
    },
    bytesDigest: () => bytes.copy().digest('hex'),
  };
}

/**
 * Files up to this size are read at once and handed to the decoder from memory, in the chunks a
 * read stream would give (bytes): a data folder holds hundreds of small files, and waiting on the
 * file system for each file's opening, sample and chunks left the national load idle 0.3-1 s.
 * Larger files are streamed, so that memory does not grow with them.
 */
const readAtOnce = 16 * 2 ** 20;
const chunkBytes = 64 * 1024;

/** The bytes of a file in memory, as a stream of chunks of a read stream's size. */
function streamOf(bytes: Buffer): Readable {
  return Readable.from(
    (function* chunks() {
      for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    })(),
    { objectMode: false },
  );
}

/**
 * The first bytes of a file (its sample) and its size, and the whole file when it is small enough to
 * read at once: then read without waiting on the file system's threads, as the load reads one file
 * after another and nothing runs meanwhile.
 */
async function sampleOf(path: string): Promise<{ sample: Uint8Array; size: number; whole?: Buffer }> {
  if (statSync(path).size <= readAtOnce) {
    const whole = readFileSync(path);
    return { sample: whole.subarray(0, sampleSize), size: whole.length, whole };
  }
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(sampleSize, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Opens a file for reading as text; undefined when its encoding cannot be recognised. */
export async function openText(path: string): Promise<OpenedText | undefined> {
  const { sample, size, whole } = await sampleOf(path);
  const detected = detectEncoding(sample, size <= sampleSize);
  if (!detected) return undefined;
  const firstLine = (new TextDecoder(detected.encoding).decode(sample).split('\n')[0] ?? '').replace(/"[^"]*"/gu, '');
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  return { ...detected, delimiter: tabs > commas ? '\t' : ',', ...decodingStream(whole ? streamOf(whole) : createReadStream(path), detected.encoding) };
}

/** A text file that cannot be read as text: what to do, in English (its message) and in Chinese. */
export class UnreadableTextError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/** Reads a whole (small) text file, such as a review copied from the web, in whatever encoding it was saved; throws a message that says what to do. */
export async function readWholeText(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  const detected = detectEncoding(bytes, true);
  if (!detected) throw new UnreadableTextError(`${path}: cannot tell its encoding; save it as UTF-8 (or GB18030) text`, `${path}：看不出它的编码；请把它另存为 UTF-8（或 GB18030）文本`);
  try {
    // TextDecoder drops the byte-order mark itself.
    return new TextDecoder(detected.encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableTextError(`${path}: it is not valid ${detected.encoding} text; save it as UTF-8`, `${path}：它不是有效的 ${detected.encoding} 文本；请另存为 UTF-8`);
  }
}
