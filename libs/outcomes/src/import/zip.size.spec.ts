import { unpackedSize } from './zip.size';

interface Entry {
  size: number;
  name?: string;
  extra?: number;
  comment?: number;
}

/** A central directory header (46 bytes, then name, extra field and comment). */
function header({ size, name = 'a.xml', extra = 0, comment = 0 }: Entry): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(Buffer.byteLength(name), 28);
  h.writeUInt16LE(extra, 30);
  h.writeUInt16LE(comment, 32);
  return Buffer.concat([h, Buffer.from(name), Buffer.alloc(extra, 1), Buffer.alloc(comment, 2)]);
}

/** The end-of-central-directory record: entry count and where the directory starts. */
function eocd(entries: number, directoryAt: number, comment = 0): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(entries, 8);
  e.writeUInt16LE(entries, 10);
  e.writeUInt32LE(directoryAt, 16);
  e.writeUInt16LE(comment, 20);
  return Buffer.concat([e, Buffer.alloc(comment, 3)]);
}

/** Some file data, then the directory of `entries`, then its end record. */
function zip(entries: Entry[], { before = 30, comment = 0 } = {}): Buffer {
  const directory = Buffer.concat(entries.map(header));
  return Buffer.concat([Buffer.alloc(before, 9), directory, eocd(entries.length, before, comment)]);
}

describe(unpackedSize.name, () => {
  it('adds up the sizes every entry declares, stepping over names, extra fields and comments', () => {
    const entries = [
      { size: 100, name: 'xl/workbook.xml', extra: 5, comment: 3 },
      { size: 250, name: 'x', extra: 7, comment: 0 },
      { size: 7, name: 'xl/worksheets/sheet1.xml', extra: 0, comment: 11 },
    ];
    expect(unpackedSize(zip(entries))).toBe(357);
  });

  it('is 0 for an archive with no entries, even when its end record is the whole file', () => {
    expect(unpackedSize(zip([], { before: 0 }))).toBe(0);
    expect(unpackedSize(zip([], { before: 4 }))).toBe(0);
  });

  it('finds the end record behind an archive comment of up to 65535 bytes, not further back', () => {
    expect(unpackedSize(zip([{ size: 42 }], { comment: 0xffff }))).toBe(42);
    const tooFar = Buffer.concat([zip([{ size: 42 }]), Buffer.alloc(1)]);
    expect(unpackedSize(Buffer.concat([tooFar, Buffer.alloc(0xffff)]))).toBeUndefined();
  });

  it('counts a ZIP64 size marker as unbounded', () => {
    expect(unpackedSize(zip([{ size: 10 }, { size: 0xffffffff }, { size: 10 }]))).toBe(Number.POSITIVE_INFINITY);
  });

  it('is undefined without an end record, or when the directory is not where it says', () => {
    expect(unpackedSize(Buffer.alloc(0))).toBeUndefined();
    expect(unpackedSize(Buffer.alloc(21))).toBeUndefined();
    expect(unpackedSize(Buffer.alloc(500, 7))).toBeUndefined();
    const good = zip([{ size: 5 }]);
    const wrongOffset = Buffer.from(good);
    wrongOffset.writeUInt32LE(31, good.length - 22 + 16);
    expect(unpackedSize(wrongOffset)).toBeUndefined();
    const pastTheEnd = Buffer.from(good);
    pastTheEnd.writeUInt32LE(good.length - 45, good.length - 22 + 16);
    expect(unpackedSize(pastTheEnd)).toBeUndefined();
    // a header signature in the last 4 bytes (the archive comment): too short to read
    const cut = zip([{ size: 5 }], { comment: 10 });
    cut.writeUInt32LE(cut.length - 4, cut.length - 32 + 16);
    cut.writeUInt32LE(0x02014b50, cut.length - 4);
    expect(unpackedSize(cut)).toBeUndefined();
  });

  it('reads a header that ends exactly at the end of the file', () => {
    // the last 46 bytes are a directory header whose tail is the end record itself
    const file = Buffer.alloc(100);
    const at = file.length - 46;
    file.writeUInt32LE(0x02014b50, at);
    file.writeUInt32LE(0x06054b50, file.length - 22);
    file.writeUInt16LE(1, file.length - 22 + 10);
    file.writeUInt32LE(at, file.length - 22 + 16);
    // the header's size field is the end record's signature
    expect(unpackedSize(file)).toBe(0x06054b50);
  });
});
