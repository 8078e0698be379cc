/** Just enough MIME to read what nodemailer writes: headers, encoded words, base64/QP parts. */

export interface MailPart {
  headers: Map<string, string>;
  body: Buffer;
}

export interface ParsedMail {
  raw: string;
  messageId: string;
  notificationId: number;
  subject: string;
  to: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

const decodeQ = (text: string): Buffer =>
  Buffer.from(
    text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  );

/** RFC 2047 encoded words, adjacent ones joined without the whitespace between them. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _cs: string, enc: string, text: string) =>
      (enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text)).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      );
    default:
      return Buffer.from(body, 'utf8');
  }
}

export function parsePart(raw: string): { headers: Map<string, string>; body: string } {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leaves(raw: string): MailPart[] {
  const { headers, body } = parsePart(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    return sections.filter((s) => !s.startsWith('--')).flatMap((s) => leaves(s.replace(/^\r?\n/, '')));
  }
  return [{ headers, body: decodeBody(body.replace(/\r?\n$/, ''), headers.get('content-transfer-encoding')) }];
}

export function parseMail(raw: string): ParsedMail {
  const { headers } = parsePart(raw);
  const parts = leaves(raw);
  const of = (type: string) =>
    parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type) && !p.headers.has('content-disposition'));
  return {
    raw,
    messageId: headers.get('message-id') ?? '',
    notificationId: Number(headers.get('x-notification-id')),
    subject: decodeWords(headers.get('subject') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    text: of('text/plain')?.body.toString('utf8') ?? '',
    html: of('text/html')?.body.toString('utf8') ?? '',
    attachments: parts
      .filter((p) => /attachment|inline/i.test(p.headers.get('content-disposition') ?? ''))
      .map((p) => ({
        filename: decodeWords(/filename="?([^";]+)"?/i.exec(p.headers.get('content-disposition') ?? '')?.[1] ?? ''),
        contentType: (p.headers.get('content-type') ?? '').split(';')[0]!,
        content: p.body,
      })),
  };
}
