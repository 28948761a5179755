import { describe, expect, it } from 'vitest';
import {
  detectAdvertising,
  detectDntStance,
  detectIndefiniteRetention,
  detectSale,
  detectTrackers,
  isNegatedAt,
  mentionsPreciseLocation,
  promisesChangeNotice,
  saysChangesWithoutNotice,
  sentences,
  statesConcretePeriod,
} from '../../../src/core/risk-text';

describe('sentences', () => {
  it('splits at sentence punctuation and drops empties', () => {
    expect(sentences('One. Two! Three? Four; five.  ')).toEqual([
      'One.',
      'Two!',
      'Three?',
      'Four;',
      'five.',
    ]);
    expect(sentences('   ')).toEqual([]);
  });
});

describe('isNegatedAt', () => {
  it('sees a negation in the same clause', () => {
    const s = 'We do not sell your data.';
    expect(isNegatedAt(s, s.indexOf('sell'))).toBe(true);
    const t = "We don't sell your data.";
    expect(isNegatedAt(t, t.indexOf('sell'))).toBe(true);
    const v = 'We dont sell or profit from the information you share.';
    expect(isNegatedAt(v, v.indexOf('sell'))).toBe(true);
    const w = 'They are restricted from using, selling or altering this data.';
    expect(isNegatedAt(w, w.indexOf('selling'))).toBe(true);
    const u = 'We will never rent your information.';
    expect(isNegatedAt(u, u.indexOf('rent'))).toBe(true);
  });
  it('does not carry a negation over a clause break', () => {
    const s = "We don't sell your data, but we share it with advertisers.";
    expect(isNegatedAt(s, s.indexOf('advertisers'))).toBe(false);
    const near = "We don't sell data, but advertisers receive it.";
    expect(isNegatedAt(near, near.indexOf('advertisers'))).toBe(false);
    const semi = 'We never rent data: advertisers get it free.';
    expect(isNegatedAt(semi, semi.indexOf('advertisers'))).toBe(false);
  });
  it('ignores negations too far back', () => {
    const s =
      'No one at the company, in any department or team of ours, will ever fail to sell data.';
    // "No" is separated by commas; the clause before "sell" has no negation.
    expect(isNegatedAt(s, s.indexOf('sell'))).toBe(false);
  });
  it('is false for plain affirmations', () => {
    const s = 'We sell your data.';
    expect(isNegatedAt(s, s.indexOf('sell'))).toBe(false);
  });
});

describe('detectSale', () => {
  it('finds an affirmed sale of data', () => {
    expect(detectSale('We may sell your personal information to partners.')).toEqual({
      affirmed: true,
      denied: false,
    });
    expect(detectSale('We rent our mailing lists of customer details.').affirmed).toBe(true);
  });
  it('finds a denial', () => {
    expect(detectSale('We do not sell your personal information.')).toEqual({
      affirmed: false,
      denied: true,
    });
    expect(detectSale('We never sell or rent personal data to anyone.').denied).toBe(true);
    // A list after the negation stays negated: commas are not clause breaks.
    expect(detectSale('Example does not sell, trade or rent your personal information.')).toEqual({
      affirmed: false,
      denied: true,
    });
  });
  it('needs the thing sold to be data, in active or passive voice', () => {
    expect(
      detectSale('We may rent, sell, or share your information with third parties.').affirmed,
    ).toBe(true);
    expect(detectSale('We "rent" our opt-in marketing list to outside marketers.').affirmed).toBe(
      true,
    );
    expect(detectSale('Your personal information may be sold to partners.').affirmed).toBe(true);
    expect(detectSale('Your personal information will never be sold.')).toEqual({
      affirmed: false,
      denied: true,
    });
    expect(
      detectSale('Data providers link to sites where they sell their own products and services.')
        .affirmed,
    ).toBe(false);
    expect(
      detectSale(
        'Users agree we process data they provide when purchasing or selling subscriptions.',
      ).affirmed,
    ).toBe(false);
    expect(
      detectSale('We may share your information in the case our business is sold or transferred.')
        .affirmed,
    ).toBe(false);
  });

  it('ignores sales of products, business transfers and rights statements', () => {
    expect(detectSale('Merchants sell products through our marketplace.')).toEqual({
      affirmed: false,
      denied: false,
    });
    expect(
      detectSale(
        'If we are involved in a merger or sale of assets, your information may be transferred.',
      ).affirmed,
    ).toBe(false);
    expect(
      detectSale('Click "Do Not Sell My Personal Information" to exercise your choice.').affirmed,
    ).toBe(false);
    expect(
      detectSale('You have the right to opt out of the sale of your personal information.')
        .affirmed,
    ).toBe(false);
  });
});

describe('detectAdvertising / detectTrackers', () => {
  it('finds advertisers and ad networks', () => {
    expect(detectAdvertising('We share device data with advertisers.').affirmed).toBe(true);
    expect(detectAdvertising('Ad networks may collect information.').affirmed).toBe(true);
    expect(detectAdvertising('We show interest-based ads.').affirmed).toBe(true);
    expect(detectAdvertising('We never share data with advertisers.')).toEqual({
      affirmed: false,
      denied: true,
    });
    expect(detectAdvertising('We share data with our payment processor.').affirmed).toBe(false);
  });
  it('finds SDKs, pixels and third-party cookies', () => {
    expect(detectTrackers('Our app includes third-party SDKs.').affirmed).toBe(true);
    expect(detectTrackers('We use the Facebook pixel.').affirmed).toBe(true);
    expect(detectTrackers('Third-party cookies are set by partners.').affirmed).toBe(true);
    expect(detectTrackers('We do not use any SDKs.').affirmed).toBe(false);
    expect(detectTrackers('We use first-party cookies only.').affirmed).toBe(false);
  });
});

describe('retention, change and DNT phrases', () => {
  it('recognises precise location wording', () => {
    expect(mentionsPreciseLocation('We collect your precise GPS location.')).toBe(true);
    expect(mentionsPreciseLocation('We infer your country from your IP address.')).toBe(false);
  });
  it('recognises concrete periods', () => {
    expect(statesConcretePeriod('We keep logs for 30 days.')).toBe(true);
    expect(statesConcretePeriod('Data is deleted after two years.')).toBe(true);
    expect(statesConcretePeriod('We retain data for 90-day periods.')).toBe(true);
    expect(statesConcretePeriod('We keep data as long as necessary.')).toBe(false);
  });
  it('recognises indefinite retention but not its denial', () => {
    expect(detectIndefiniteRetention('We may retain your data indefinitely.')).toBe(true);
    expect(detectIndefiniteRetention('Backups are kept permanently.')).toBe(true);
    expect(detectIndefiniteRetention('We do not keep your data indefinitely.')).toBe(false);
  });
  it('recognises silent changes and promises of notice', () => {
    expect(
      saysChangesWithoutNotice('We may change this policy at any time without prior notice.'),
    ).toBe(true);
    expect(saysChangesWithoutNotice('We will notify you by email.')).toBe(false);
    expect(promisesChangeNotice('We will notify you by email of material changes.')).toBe(true);
    expect(promisesChangeNotice('Changes are posted on this page.')).toBe(false);
    expect(
      promisesChangeNotice(
        'If there are significant changes, you will be provided with appropriate online notice.',
      ),
    ).toBe(true);
  });
  it('reads the Do Not Track stance', () => {
    expect(detectDntStance('We do not respond to Do Not Track signals.')).toEqual({
      ignored: true,
      honoured: false,
    });
    expect(detectDntStance('Our site does not currently honor DNT.').ignored).toBe(true);
    expect(detectDntStance('We do not yet respond to DNT signals.')).toEqual({
      ignored: true,
      honoured: false,
    });
    expect(detectDntStance('There is no uniform standard for DNT, so we do nothing.').ignored).toBe(
      true,
    );
    expect(detectDntStance('We honor Global Privacy Control signals.')).toEqual({
      ignored: false,
      honoured: true,
    });
    expect(detectDntStance('Do Not Track is a browser setting.')).toEqual({
      ignored: false,
      honoured: false,
    });
  });
});
