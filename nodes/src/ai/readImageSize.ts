/**
 * Width and height from a PNG, JPEG or GIF header, without decoding: lets the node refuse a
 * decompression bomb (a small file declaring a huge canvas) before allocating its pixels.
 * Undefined for other formats or a header it cannot read (the decoder then decides).
 *
 * @example
 * readImageSize(pngBytes) // { width: 640, height: 480 }
 */
export function readImageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // PNG: signature, then the IHDR chunk (length, "IHDR", width, height).
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452)
    return { width: view.getUint32(16), height: view.getUint32(20) }
  // GIF: "GIF8", version, then little-endian logical screen width and height.
  if (bytes.length >= 10 && view.getUint32(0) === 0x47494638) return { width: view.getUint16(6, true), height: view.getUint16(8, true) }
  // JPEG: walk the marker segments to the first SOFn (C0–CF except C4 DHT, C8 JPG, CC DAC).
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) {
    let offset = 2
    while (offset + 9 <= bytes.length) {
      if (bytes[offset] !== 0xff) return undefined
      const marker = bytes[offset + 1] as number
      if (marker === 0xff) {
        offset++
        continue
      }
      const length = view.getUint16(offset + 2)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) }
      offset += 2 + length
    }
  }
  return undefined
}
