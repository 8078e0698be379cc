/**
 * The total uncompressed size a ZIP (an XLSX) declares in its central directory, read without
 * unpacking anything; undefined when the directory cannot be found. A ZIP64 size marker counts
 * as unbounded, so such a file is over any limit.
 */
export function unpackedSize(zip: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  const minEocd = 22;
  let eocd = -1;
  for (let i = zip.length - minEocd; i >= Math.max(0, zip.length - minEocd - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CDH) return undefined;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
