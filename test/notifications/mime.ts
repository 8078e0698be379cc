import { AddressObject, simpleParser } from 'mailparser';

/** A delivered message as the tests read it, parsed by `mailparser`. */
export interface ParsedMail {
  raw: string;
  messageId: string;
  notificationId: number;
  subject: string;
  /** display names and addresses, as `Name <address>` */
  to: string;
  /** `Name <address>` of the sender */
  from: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value)
    .map((v) => (v.name ? `${v.name} <${v.address}>` : (v.address ?? '')))
    .join(', ');

export async function parseMail(raw: string): Promise<ParsedMail> {
  // keepCidLinks: the HTML keeps `cid:check-in-qr` instead of an inlined data: URL
  const mail = await simpleParser(raw, { keepCidLinks: true });
  return {
    raw,
    messageId: mail.messageId ?? '',
    notificationId: Number(mail.headers.get('x-notification-id')),
    subject: mail.subject ?? '',
    to: addresses(mail.to),
    from: addresses(mail.from),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      content: a.content,
    })),
  };
}
