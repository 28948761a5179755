import { detectSensitive } from '../../../src/core/sensitive';

/** The affirmed phrases of a text as "type: phrase" strings, in order. */
export function marks(text: string): string[] {
  return detectSensitive(text).spans.map((s) => `${s.type}: ${text.slice(s.start, s.end)}`);
}

export function types(text: string): string[] {
  return detectSensitive(text).types;
}
