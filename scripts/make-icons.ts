/**
 * Draws the Fineprint icon (a page with highlighted lines under a magnifier) at 16/32/48/128 px
 * and writes PNGs to icons/. No image library: shapes are rasterised with 4×4 supersampling
 * and encoded with node:zlib. Run with `npm run icons`; the outputs are committed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const PAPER: Rgba = [255, 255, 255, 255];
const INK: Rgba = [31, 41, 55, 255];
const BRAND: Rgba = [0, 114, 178, 255]; // Okabe–Ito blue
const MARK: Rgba = [230, 159, 0, 255]; // Okabe–Ito orange: the highlighted clause

/** Returns the colour at (x, y) in a 1×1 design space, or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const inRoundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
  // Magnifier: ring + handle, drawn above the page.
  const mx = 0.66,
    my = 0.64,
    dist = Math.hypot(x - mx, y - my);
  if (dist >= 0.17 && dist <= 0.24) return INK;
  const along = (x - mx + (y - my)) / Math.SQRT2;
  const across = (x - mx - (y - my)) / Math.SQRT2;
  if (along > 0.22 && along < 0.42 && Math.abs(across) < 0.06) return INK;
  if (dist < 0.17) {
    if (y > 0.6 && y < 0.69 && x > 0.52 && x < 0.8) return MARK;
    return [232, 244, 250, 255];
  }
  // Page with text lines, one of them highlighted.
  if (inRoundRect(0.08, 0.04, 0.74, 0.92, 0.08)) {
    if (!inRoundRect(0.13, 0.09, 0.69, 0.87, 0.05)) return BRAND;
    const lines = [0.2, 0.33, 0.46, 0.59, 0.72];
    for (const [i, ly] of lines.entries()) {
      if (y > ly && y < ly + 0.065 && x > 0.2 && x < (i === 4 ? 0.45 : 0.62)) {
        return i === 1 ? MARK : [120, 130, 145, 255];
      }
    }
    return PAPER;
  }
  return null;
}

function render(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // PNG filter: none
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return encodePng(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(`icons/icon-${size}.png`, render(size));
  console.log(`icons/icon-${size}.png`);
}
