/**
 * The repo's own labelled paragraphs (scripts/data/ood/build.ts): the committed JSONL files match
 * their hand-written sources, and the opp-style set's `other` subtypes reach the training targets.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseSource,
  serialise,
  setRows,
  SETS,
  type SetName,
} from '../../../scripts/data/ood/build';
import { hasSharedData } from '../../../scripts/lib/shared-data';
import {
  loadApp350Labelled,
  loadOppStyle,
  loadPglue,
  loadRepoFile,
  REPO_DATA_DIR,
  segmentKey,
} from '../../../scripts/train/data';
import { headIndex } from '../../../scripts/train/labels';

const dir = mkdtempSync(join(tmpdir(), 'fineprint-src-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function source(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('repo policy sets', () => {
  it.each(Object.keys(SETS) as SetName[])('%s is up to date with its sources', (set) => {
    const committed = readFileSync(join(REPO_DATA_DIR, '..', SETS[set]), 'utf8');
    expect(committed).toBe(serialise(setRows(set)));
  });

  it('reads opp-style subtype codes as `other` plus the subtype', () => {
    const rows = parseSource(
      source(
        'a.txt',
        '@ opp-t-01\nin,pc> Privacy Policy Last Modified: May 1, 2014\nfp> We log IPs.\n',
      ),
      true,
    );
    expect(rows).toEqual([
      {
        doc: 'opp-t-01',
        text: 'Privacy Policy Last Modified: May 1, 2014',
        categories: ['policy-change', 'other'],
        sensitive: [],
        otherTypes: ['introductory'],
      },
      {
        doc: 'opp-t-01',
        text: 'We log IPs.',
        categories: ['first-party-collection'],
        sensitive: [],
        otherTypes: [],
      },
    ]);
    expect(() => parseSource(source('b.txt', '@ d\not> Hello.\n'), true)).toThrow(/subtype/);
    // Elsewhere the subtype codes are unknown: those sets label `other` as a whole.
    expect(() => parseSource(source('c.txt', '@ d\nct> Write to us.\n'))).toThrow(/unknown label/);
  });

  it('trains opp-style subtype heads and leaves them unknown in the modern policies', () => {
    const opp = loadOppStyle(1);
    expect(opp.length).toBeGreaterThan(1000);
    const contact = headIndex('other/contact');
    const intro = headIndex('other/introductory');
    expect(opp.every((e) => e.y[contact] === 0 || e.y[contact] === 1)).toBe(true);
    expect(opp.some((e) => e.y[contact] === 1)).toBe(true);
    expect(opp.some((e) => e.y[intro] === 1 && e.y[headIndex('other')] === 1)).toBe(true);
    const modern = loadRepoFile(join(REPO_DATA_DIR, 'train-extra', 'modern-policies.jsonl'), 1);
    expect(modern.every((e) => e.y[contact] === -1)).toBe(true);
  });
});

describe.runIf(hasSharedData())('APP-350 segments labelled with the 12 labels', () => {
  it('resolve to APP-350 training texts, with every head known and no copy of a test segment', () => {
    const rows = loadApp350Labelled(1);
    expect(rows.length).toBeGreaterThan(2000);
    expect(rows.every((e) => e.y.every((v) => v === 0 || v === 1))).toBe(true);
    expect(rows.every((e) => e.y.some((v) => v === 1))).toBe(true);
    const test = new Set(loadPglue('test').map((e) => segmentKey(e.text)));
    expect(rows.filter((e) => test.has(segmentKey(e.text)))).toEqual([]);
  });
});
