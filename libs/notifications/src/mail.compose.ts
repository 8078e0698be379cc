import { Writable } from 'node:stream';
import MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';

const CR = 0x0d;
const LF = 0x0a;

/** What nodemailer's LastNewline does to a finished message: it ends with a line end. */
function withLastNewline(chunks: Buffer[]): Buffer {
  const last = chunks.at(-1)?.at(-1);
  if (last !== LF) chunks.push(last === CR ? Buffer.from('\n') : Buffer.from('\r\n'));
  return Buffer.concat(chunks);
}

const LINE = 76;

/**
 * `base64.wrap(base64.encode(content), 76)` as bytes: lines of 76 characters joined by CRLF, none
 * after the last. Copied line by line instead of nodemailer's regular-expression replace over
 * the string, which cost more than the encoding (an attachment is most of a message's bytes).
 */
function base64Lines(content: string | Buffer): Buffer {
  const encoded = Buffer.from((Buffer.isBuffer(content) ? content : Buffer.from(content)).toString('base64'), 'latin1');
  const lines = Math.ceil(encoded.length / LINE);
  if (lines <= 1) return encoded;
  const out = Buffer.allocUnsafe(encoded.length + 2 * (lines - 1));
  let to = 0;
  for (let from = 0; from < encoded.length; from += LINE) {
    if (from > 0) to = out.writeUInt16BE(0x0d0a, to);
    to += encoded.copy(out, to, from, from + LINE);
  }
  return out;
}

const isText = (node: MimeNode): boolean =>
  String(node.getHeader('Content-Type') ?? '')
    .toLowerCase()
    .startsWith('text/');

/**
 * Whether {@link serialize} writes what `stream()` would for the tree: every body in memory (a
 * string, a Buffer or none), no raw part, no quoted-printable outside text.
 */
function serializable(node: MimeNode): boolean {
  const { content } = node;
  // a node set up with setRaw() streams its raw value instead of headers and content
  if ((node as { _raw?: unknown })._raw) return false;
  if (content && typeof content !== 'string' && !Buffer.isBuffer(content)) return false;
  // outside text/* stream() encodes a lone CR or LF (qp's `binary`), which qp.encode has no way to
  if (content && node.getTransferEncoding() === 'quoted-printable' && !isText(node)) return false;
  return node.childNodes.every(serializable);
}

/**
 * One node as `MimeNode.stream()` writes it, without streams: its header block, its body in
 * its transfer encoding (quoted-printable through nodemailer's own `encode` and `wrap`, which its
 * stream encoder is documented to match for any split of the input; base64 through
 * {@link base64Lines}), then its parts between boundary lines.
 * Headers are built in stream()'s order, parent before children, as they set the boundaries.
 */
function serialize(node: MimeNode, out: Buffer[]): void {
  out.push(Buffer.from(node.buildHeaders() + '\r\n\r\n'));
  const content = node.content as string | Buffer | undefined;
  if (content) {
    const encoding = node.getTransferEncoding();
    if (encoding === 'base64') out.push(base64Lines(content));
    else if (encoding === 'quoted-printable') out.push(Buffer.from(qp.wrap(qp.encode(content), LINE), 'latin1'));
    else out.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
  }
  if (!node.multipart) return;
  node.childNodes.forEach((child, i) => {
    out.push(Buffer.from(`${i > 0 ? '\r\n' : ''}--${String(node.boundary)}\r\n`));
    serialize(child, out);
  });
  out.push(Buffer.from(`\r\n--${String(node.boundary)}--\r\n`));
}

/** Through `MimeNode.stream()`: for bodies that are streams, files, URLs or raw parts, and binary QP. */
function streamed(root: MimeNode): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collector = new Writable({
    write(chunk: Buffer, _encoding, next) {
      if (chunk.length) chunks.push(chunk);
      next();
    },
  });
  return new Promise((resolve, reject) =>
    root.stream(collector, {}, (error) => (error ? reject(error) : resolve(withLastNewline(chunks)))),
  );
}

/**
 * The message's bytes: the same bytes as `MimeNode.build()` (tests hold it for every shape the
 * platform sends and more). `build()` streams every node: a `pipeline` per encoded part, a
 * `setImmediate` between parts, and the whole again through a `pipeline` that adds the last line
 * end, and Node 20 builds an AbortError with a stack trace at the end of every pipeline. Every
 * message the platform renders holds its parts in memory, so it is serialized in one pass with
 * nodemailer's own header builder and quoted-printable encoder; a tree with a streamed body still
 * streams.
 * Composing a ticket costs 0.23 ms of CPU this way against 0.60 ms through `stream()`, rendering
 * and composing one 0.55 against 1.01 ms (three alternating runs of 5,000 each, the "night" VM of
 * README Benchmarks).
 */
export function composeBytes(root: MimeNode): Promise<Buffer> {
  if (!serializable(root)) return streamed(root);
  const chunks: Buffer[] = [];
  serialize(root, chunks);
  return Promise.resolve(withLastNewline(chunks));
}
