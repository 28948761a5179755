/**
 * Out-of-fold tuning scores (scripts/train/fit.ts): every OPP-115 training segment is scored
 * exactly once, by a model that saw neither it nor the sentences cut from it. A leak would
 * make the tuning scores as confident as in-sample ones and the thresholds too high.
 */
import { describe, expect, it } from 'vitest';
import { hasSharedData } from '../../../scripts/lib/shared-data';
import { loadPglue, type Example } from '../../../scripts/train/data';
import { readSegments, spanSentences } from '../../../scripts/train/span-sentences';
import { fitModel, outOfFold } from '../../../scripts/train/fit';
import { emptyTargets, headIndex } from '../../../scripts/train/labels';
import { DEFAULT_RECIPE } from '../../../scripts/train/recipe';
import { headLogitParts } from '../../../src/core/classifier/index';

const RETENTION = headIndex('data-retention');
const recipe = { ...DEFAULT_RECIPE, features: { ...DEFAULT_RECIPE.features, bits: 12 } };

function segment(text: string, retention: boolean): Example {
  const y = emptyTargets(0);
  y[RETENTION] = retention ? 1 : 0;
  return { text, y, weight: 1, group: text, tuneable: true };
}

const SPECIAL = 'Zorblax quux archives are kept for a while. Nothing else here.';
const train: Example[] = [
  ...Array.from({ length: 24 }, (_, i) =>
    segment(`We collect your email address number ${i} to send newsletters.`, false),
  ),
  ...Array.from({ length: 6 }, (_, i) => segment(`We retain logs for ${i + 2} years.`, true)),
  segment(SPECIAL, true),
  // A sentence cut from SPECIAL: same group, not tuneable, so it must leave with its segment.
  {
    ...segment('Zorblax quux archives are kept for a while.', true),
    tuneable: false,
    group: SPECIAL,
  },
  // Extra corpora without a group train every fold model.
  { ...segment('Cookies help us remember you.', false), group: undefined, tuneable: false },
];

describe('out-of-fold tuning scores', () => {
  it('scores each tuneable segment once and never with a model that saw its group', () => {
    const oof = outOfFold(train, recipe, 5);
    const texts = oof.examples.map((e) => e.text).sort();
    expect(texts).toEqual(
      train
        .filter((e) => e.tuneable)
        .map((e) => e.text)
        .sort(),
    );
    expect(oof.parts).toHaveLength(oof.examples.length);

    const special = oof.parts[oof.examples.findIndex((e) => e.text === SPECIAL)]!;
    const inSample = fitModel(train, train, { ...recipe, outOfFold: undefined });
    expect(inSample.extra.parts).toHaveLength(0);
    const full = headLogitParts(inSample.model, { text: SPECIAL });
    // The fold model never saw "zorblax quux": its retention logit stays under half of the
    // logit of the model that trained on SPECIAL and its sentence (measured: -0.3 vs 6.5;
    // 4.2 when the sentence leaks into the fold model).
    expect(special.whole[RETENTION]!).toBeLessThan(full.whole[RETENTION]! / 2);
  });
});

describe.runIf(hasSharedData())('out-of-fold groups on OPP-115', () => {
  it('puts every span sentence in the group of a PrivacyGLUE training segment', () => {
    // The CSVs and the raw annotations space the same text differently; a sentence whose group
    // names no segment would train the fold model that scores its own segment.
    const segments = new Set(loadPglue('train').map((e) => e.group));
    const train = readSegments().filter((s) => s.pglue_split === 'train');
    const sentences = spanSentences(train, 0.3, 'segment');
    expect(sentences.length).toBeGreaterThan(6000);
    const orphans = sentences.filter((s) => !segments.has(s.group)).map((s) => s.group);
    expect(orphans.slice(0, 3)).toEqual([]);
    expect(orphans).toHaveLength(0);
  });
});
