import { Writable } from 'node:stream';
import * as base64 from 'nodemailer/lib/base64';
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
  const type = String(node.getHeader('Content-Type') ?? '').toLowerCase();
  if (content && node.getTransferEncoding() === 'quoted-printable' && !type.startsWith('text/')) return false;
  return node.childNodes.every(serializable);
}

/**
 * One node as `MimeNode.stream()` writes it, without streams: its header block, its body in
 * its transfer encoding (nodemailer's own `encode` and `wrap`, which its stream encoders are
 * documented to match for any split of the input), then its parts between boundary lines.
 * Headers are built in stream()'s order, parent before children, as they set the boundaries.
 */
function serialize(node: MimeNode, out: Buffer[]): void {
  out.push(Buffer.from(node.buildHeaders() + '\r\n\r\n'));
  const content = node.content as string | Buffer | undefined;
  if (content) {
    const encoding = node.getTransferEncoding();
    if (encoding === 'base64') out.push(Buffer.from(base64.wrap(base64.encode(content), 76), 'latin1'));
    else if (encoding === 'quoted-printable') out.push(Buffer.from(qp.wrap(qp.encode(content), 76), 'latin1'));
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
 * nodemailer's own header builder and encoders; a tree with a streamed body still streams.
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
