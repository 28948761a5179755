import { describe, expect, it } from 'vitest';
import { englishShare, looksEnglish } from '../../../src/core/language';

describe('looksEnglish', () => {
  it('accepts English policy prose', () => {
    expect(
      looksEnglish([
        'We collect your email address and share it with our partners for advertising.',
      ]),
    ).toBe(true);
  });

  it('rejects German, French, Chinese and Arabic policy prose', () => {
    expect(
      looksEnglish([
        'Wir erheben Ihren Namen und Ihre E-Mail-Adresse, wenn Sie ein Konto anlegen.',
      ]),
    ).toBe(false);
    expect(
      looksEnglish(['Nous collectons votre adresse e-mail lorsque vous créez un compte.']),
    ).toBe(false);
    expect(looksEnglish(['我们会收集您的设备信息和位置信息，用于向您提供服务。'])).toBe(false);
    expect(looksEnglish(['نقوم بجمع عنوان بريدك الإلكتروني عند إنشاء حساب.'])).toBe(false);
  });

  it('is zero for no words', () => {
    expect(englishShare([])).toBe(0);
    expect(englishShare(['  ', '123'])).toBe(0);
  });
});
