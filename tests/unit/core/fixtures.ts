/** Builders for analysed paragraphs used by the core tests. */
import type { AnalysedParagraph } from '../../../src/core/report';
import type { CategoryId, SensitiveId } from '../../../src/core/taxonomy';
import { CATEGORY_IDS } from '../../../src/core/taxonomy';
import type { SensitiveSpan } from '../../../src/core/types';

let counter = 0;

export function para(
  text: string,
  categories: CategoryId[] = [],
  sensitive: SensitiveId[] = [],
  extra: { id?: string; isHeading?: boolean; heading?: string; spans?: SensitiveSpan[] } = {},
): AnalysedParagraph {
  counter += 1;
  const scores = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, categories.includes(c) ? 0.9 : 0.05]),
  ) as Record<CategoryId, number>;
  return {
    id: extra.id ?? `p${counter}`,
    text,
    isHeading: extra.isHeading ?? false,
    heading: extra.heading,
    categories,
    scores,
    sensitive,
    spans:
      extra.spans ?? sensitive.map((type) => ({ type, start: 0, end: Math.min(4, text.length) })),
  };
}

/** A bland but complete policy: collection, sharing, choices, access, retention, security. */
export function completePolicy(): AnalysedParagraph[] {
  return [
    para('Privacy Policy', ['other'], [], { id: 'h1', isHeading: true }),
    para(
      'We collect your name and email address when you register.',
      ['first-party-collection'],
      [],
      { id: 'c1' },
    ),
    para(
      'We share data with service providers who process it on our behalf.',
      ['third-party-sharing'],
      [],
      { id: 's1' },
    ),
    para('You can opt out of marketing emails in your account settings.', ['user-choice'], [], {
      id: 'u1',
    }),
    para('You may access, correct or delete your data by contacting us.', ['user-access'], [], {
      id: 'a1',
    }),
    para('We keep account data for 2 years after your last login.', ['data-retention'], [], {
      id: 'r1',
    }),
    para('We use encryption in transit and at rest.', ['data-security'], [], { id: 'd1' }),
  ];
}
