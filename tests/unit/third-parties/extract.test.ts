import { describe, expect, it } from 'vitest';
import { extractThirdParties, GAZETTEER, namesIn } from '../../../src/core/third-parties';

/** Distinct names in order; several patterns may find the same name. */
const names = (text: string): string[] => [...new Set(namesIn(text).map((n) => n.name))];

describe('extractThirdParties', () => {
  it('finds gazetteer names with canonical names and kinds', () => {
    const out = extractThirdParties([
      { id: 'a', text: 'We integrate the Umeng SDK and Tencent Bugly to analyse crashes.' },
      { id: 'b', text: 'Payments are handled by Alipay, WeChat Pay, Stripe and PayPal.' },
      {
        id: 'c',
        text: 'Attribution is measured by AppsFlyer; ads are served by AdMob and Pangle.',
      },
    ]);
    expect(out.map((t) => [t.name, t.kind, t.paragraphIds.join()])).toEqual([
      ['Umeng', 'analytics', 'a'],
      ['Bugly', 'analytics', 'a'],
      ['Alipay', 'payment', 'b'],
      ['WeChat Pay', 'payment', 'b'],
      ['Stripe', 'payment', 'b'],
      ['PayPal', 'payment', 'b'],
      ['AppsFlyer', 'analytics', 'c'],
      ['Google AdMob', 'advertising', 'c'],
      ['Pangle', 'advertising', 'c'],
    ]);
  });

  it('merges aliases and repeated mentions, keeping paragraph order', () => {
    const out = extractThirdParties([
      { id: 'p1', text: 'You can log in with Facebook.' },
      { id: 'p2', text: 'Meta Platforms receives your ad identifier; Facebook may use it.' },
      { id: 'p3', text: 'We use Google Analytics.' },
    ]);
    expect(out).toEqual([
      { name: 'Meta (Facebook)', kind: 'social', paragraphIds: ['p1', 'p2'] },
      { name: 'Google Analytics', kind: 'analytics', paragraphIds: ['p3'] },
    ]);
  });

  it('prefers the longest name at a position', () => {
    expect(names('Data is sent to Google Analytics and Firebase Crashlytics.')).toEqual([
      'Google Analytics',
      'Firebase Crashlytics',
    ]);
    expect(names('Servers run on Alibaba Cloud and Amazon Web Services (AWS).')).toEqual([
      'Alibaba Cloud',
      'Amazon Web Services',
    ]);
  });

  it('reads names from "X SDK", SDK tables and SDK lists', () => {
    expect(names('We embed the Foobar SDK for login.')).toEqual(['Foobar SDK']);
    expect(names('SDK name: Zebra Push; Purpose: message delivery; Data: OAID.')).toEqual([
      'Zebra Push SDK',
    ]);
    expect(names('We use the following third-party SDKs: Getui, Mob and Acme Analytics.')).toEqual([
      'Getui',
      'MobTech',
      'Acme Analytics SDK',
    ]);
    expect(names('The OneSignal Messaging SDK delivers notifications.')).toEqual(['OneSignal']);
  });

  it('reads a Chinese-style SDK table', () => {
    const table =
      'SDK name: Alipay SDK; Provider: Alipay (China) Network Technology Co., Ltd.; Purpose: payment. ' +
      'SDK name: Huawei Push; Purpose: message push; Data collected: OAID, device model. ' +
      'SDK name: Shanhu Reader; Purpose: reading statistics; Data collected: Android ID.';
    expect(names(table)).toEqual(['Alipay', 'Huawei Push', 'Shanhu Reader SDK']);
  });

  it('rejects generic "X SDK" descriptions', () => {
    expect(
      names('The SDK collects the IMEI. The Push SDK and Advertising SDK come from partners.'),
    ).toEqual([]);
    expect(names('Third Party SDK providers may collect data.')).toEqual([]);
    expect(
      names('The SDK may collect data such as your Android advertising identifier and/or IDFA.'),
    ).toEqual([]);
  });

  it('needs context and exact case for names that are ordinary words', () => {
    expect(names('Adjust your settings at any time.')).toEqual([]);
    expect(names('Our Branch offices are in Paris. Segment your audience.')).toEqual([]);
    expect(names('We share data with Adjust and Branch for attribution.')).toEqual([
      'Adjust',
      'Branch',
    ]);
    expect(names('We may adjust this policy.')).toEqual([]);
  });

  it('returns nothing for text without third parties', () => {
    expect(
      extractThirdParties([{ id: 'x', text: 'We collect your email address to reply.' }]),
    ).toEqual([]);
    expect(extractThirdParties([])).toEqual([]);
  });

  it('has a curated gazetteer of about 200 names with unique canonical names', () => {
    expect(GAZETTEER.length).toBeGreaterThanOrEqual(190);
    const canon = GAZETTEER.map((e) => e.name.toLowerCase());
    expect(new Set(canon).size).toBe(canon.length);
  });
});
