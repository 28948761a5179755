import { describe, expect, it } from 'vitest';
import type { PageSignals } from '../../../src/core/detect';
import { scorePolicyPage } from '../../../src/core/detect';
import * as F from '../../../src/core/detect/features';

function signals(over: Partial<PageSignals>): F.PreparedSignals {
  return F.prepareSignals({
    url: 'https://example.test/',
    title: '',
    headings: [],
    textSample: '',
    wordCount: 1000,
    ...over,
  });
}

describe('URL features', () => {
  it.each([
    ['https://a.test/privacy', 1],
    ['https://a.test/legal/privacy-policy', 1],
    ['https://a.test/en-us/privacy/', 1],
    ['https://a.test/datenschutz', 1],
    ['https://a.test/politique-de-confidentialite', 1],
    ['https://a.test/privacidad.html', 1],
    ['https://a.test/yinsi.html', 1],
    ['https://a.test/%E9%9A%90%E7%A7%81%E6%94%BF%E7%AD%96', 1],
    ['https://app.test/#/privacy', 1],
    ['https://a.test/help/privacy-settings', 0.4],
    ['https://a.test/privacy/settings', 0.5],
    ['https://a.test/terms', 0],
    ['not a url at all', 0],
  ])('urlPrivacy(%s) = %s', (url, expected) => {
    expect(F.urlPrivacy(signals({ url }))).toBe(expected);
  });

  it('urlOtherPage names other page types unless the address ends in privacy', () => {
    expect(F.urlOtherPage(signals({ url: 'https://a.test/legal/terms' }))).toBe(1);
    expect(F.urlOtherPage(signals({ url: 'https://a.test/blog/gdpr-basics' }))).toBe(0.5);
    expect(F.urlOtherPage(signals({ url: 'https://a.test/help/privacy-policy' }))).toBe(0);
    expect(F.urlOtherPage(signals({ url: 'https://a.test/about' }))).toBe(0);
  });
});

describe('title and heading features', () => {
  it.each([
    ['Privacy Policy | Acme', 1],
    ['Acme Privacy Notice', 1],
    ['Datenschutzerklärung - Firma GmbH', 1],
    ['Politique de confidentialité | Vélocité', 1],
    ['快云盘隐私政策', 1],
    ['プライバシーポリシー｜さくら家計簿', 1],
    ['개인정보처리방침', 1],
    ['Политика конфиденциальности', 1],
    ["Chatterly's new privacy policy lets it train AI on your messages", 0.25],
    ['Terms of Service | Acme', 0],
  ])('titlePolicyName(%s) = %s', (title, expected) => {
    expect(F.titlePolicyName(signals({ title }))).toBe(expected);
  });

  it('titlePrivacyWord accepts a bare topic but not a privacy hub or settings page', () => {
    expect(F.titlePrivacyWord(signals({ title: 'Privacy – Pixel Ponies' }))).toBe(1);
    expect(F.titlePrivacyWord(signals({ title: 'Your privacy | Acme' }))).toBe(1);
    expect(F.titlePrivacyWord(signals({ title: 'Datenschutz' }))).toBe(1);
    expect(F.titlePrivacyWord(signals({ title: 'Privacy Center | Chatterly' }))).toBe(0);
    expect(F.titlePrivacyWord(signals({ title: 'Privacy settings' }))).toBe(0);
    expect(F.titlePrivacyWord(signals({ title: 'Privacy Policy' }))).toBe(0);
  });

  it('titleOtherPage fires for terms, cookie notices and help pages, not for "Privacy and Cookie Policy"', () => {
    expect(F.titleOtherPage(signals({ title: 'Terms of Use – Acme' }))).toBe(1);
    expect(F.titleOtherPage(signals({ title: 'Cookie Policy | Acme' }))).toBe(1);
    expect(F.titleOtherPage(signals({ title: '快云盘用户协议' }))).toBe(1);
    expect(F.titleOtherPage(signals({ title: 'Privacy and Cookie Policy | Acme' }))).toBe(0);
  });

  it('heading features look at the top headings and at section names', () => {
    expect(F.headingPolicyName(signals({ headings: ['Brightmart Privacy Policy'] }))).toBe(1);
    expect(F.headingPolicyName(signals({ headings: ['Privacy'] }))).toBe(0.6);
    expect(F.headingPolicyName(signals({ headings: ['A', 'B', 'C', 'Privacy Policy'] }))).toBe(0);
    const policy = [
      'Information we collect',
      'How we use your information',
      'Your rights',
      'Data retention',
    ];
    expect(F.headingPolicySections(signals({ headings: policy }))).toBeGreaterThan(0.7);
    expect(F.headingPolicySections(signals({ headings: ['Ingredients', 'Method'] }))).toBe(0);
    const terms = ['Termination', 'Governing law', 'Limitation of liability'];
    expect(F.headingTermsSections(signals({ headings: terms }))).toBeGreaterThan(0.7);
    expect(F.headingOtherPage(signals({ headings: ['Cookie Policy'] }))).toBe(1);
  });
});

describe('text features', () => {
  const policyText =
    'This Privacy Policy explains how we collect, use and share your personal information. We collect personal data you give us. We share it with third parties and service providers. You can opt out. We retain data as required. Under the GDPR and CCPA you have rights.';
  const termsText =
    'By using the service you agree to be bound by these terms of service. The service is provided as is without warranty. Limitation of liability applies. Governing law is California; disputes go to arbitration. We may terminate your license.';

  it('counts privacy vocabulary and the service speaking about its own data', () => {
    const s = signals({ textSample: policyText });
    expect(F.textPolicyVocab(s)).toBeGreaterThan(0.5);
    expect(F.textWeVoice(s)).toBeGreaterThan(0.5);
    expect(F.textTermsShare(s)).toBeLessThan(0.1);
  });

  it('separates contract, cookie, news, shopping, docs and advice vocabulary', () => {
    expect(F.textTermsShare(signals({ textSample: termsText }))).toBeGreaterThan(0.5);
    const cookies =
      'Cookies are small files. Session cookies expire; persistent cookies remain. We use strictly necessary cookies, analytics cookies and advertising cookies, pixels and local storage. Manage cookie preferences in your browser settings.';
    expect(F.textCookieShare(signals({ textSample: cookies }))).toBeGreaterThan(0.5);
    const news =
      'The regulator said on Tuesday it fined the company. A spokesperson said it would appeal, according to reports. Analysts said shares fell.';
    expect(F.textNewsShare(signals({ textSample: news }))).toBeGreaterThan(0.5);
    const shop =
      'Add to cart. In stock. Free shipping and free returns. Price $49. Customer reviews: 4.5. Specifications: weight 200 g, size M, color black.';
    expect(F.textProductShare(signals({ textSample: shop }))).toBeGreaterThan(0.5);
    const docs =
      'Install the SDK with npm. Import the client; the list method returns a response. Pass the cursor parameter. Example request and JSON response.';
    expect(F.textDocsShare(signals({ textSample: docs }))).toBeGreaterThan(0.5);
    const advice =
      'Businesses and organizations must comply with the regulation. You should review your website. Fines and penalties apply. Use this checklist and guide for your business.';
    expect(F.textAdviceShare(signals({ textSample: advice }))).toBeGreaterThan(0.5);
  });

  it('matches whole words and multi-word phrases across punctuation', () => {
    expect(signals({ textSample: 'We retained it.' }).counts.policy).toBe(0);
    expect(signals({ textSample: 'You can Opt-Out of third-party sharing.' }).counts.policy).toBe(
      2,
    );
    expect(
      signals({ textSample: '我们会收集您的个人信息，并与第三方共享。' }).counts.policy,
    ).toBeGreaterThanOrEqual(4);
  });

  it('shortPage is 1 for an empty page and 0 from 150 words', () => {
    expect(F.shortPage(signals({ wordCount: 0 }))).toBe(1);
    expect(F.shortPage(signals({ wordCount: 150 }))).toBe(0);
  });
});

describe('scorePolicyPage', () => {
  it('returns a probability, a decision and reasons strongest first', () => {
    const result = scorePolicyPage({
      url: 'https://acme.test/privacy',
      title: 'Privacy Policy | Acme',
      headings: ['Privacy Policy', 'Information we collect', 'Your rights'],
      textSample:
        'We collect your personal information and share it with third parties. You may opt out.',
      wordCount: 2000,
    });
    expect(result.isPolicy).toBe(true);
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.reasons[0]).toMatch(/title names a privacy policy \(\+2\.5\)/);
  });

  it('rejects an empty page', () => {
    const result = scorePolicyPage({
      url: '',
      title: '',
      headings: [],
      textSample: '',
      wordCount: 0,
    });
    expect(result.isPolicy).toBe(false);
    expect(result.score).toBeLessThan(0.05);
  });

  it('detects a policy with no URL or title hint from its headings and text', () => {
    const result = scorePolicyPage({
      url: 'https://app.test/',
      title: 'App',
      headings: [
        'Privacy Policy',
        'Information we collect',
        'How we share information',
        'Your choices',
      ],
      textSample:
        'This Privacy Policy describes how we collect, use and disclose your personal information. We collect information you provide. We may share personal data with service providers and third parties. You can opt out of marketing. We retain data as long as needed.',
      wordCount: 1500,
    });
    expect(result.isPolicy).toBe(true);
  });
});
