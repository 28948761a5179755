/** Base64 ⇄ bytes with the `atob` both browsers and Node (≥ 16) provide; no Buffer needed. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
