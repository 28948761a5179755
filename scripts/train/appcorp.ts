/**
 * APPCorp (evaluation only, shared/data/README.md §3): one gold label per paragraph, mapped to
 * our ids. Two of its classes have no single OPP-115 counterpart, so each gold label maps to the
 * set of ids that count as right for it.
 */
import type { CategoryId } from '../../src/core/taxonomy';

export const APPCORP_ACCEPT: Record<string, CategoryId[]> = {
  First_Party_Collection_and_Use: ['first-party-collection'],
  Third_Party_Share_and_Collection: ['third-party-sharing'],
  User_Right_and_Control: ['user-choice', 'user-access'],
  Policy_Introductory: ['other'],
  Cookies_and_Similar_Technologies: [
    'first-party-collection',
    'third-party-sharing',
    'user-choice',
  ],
  Data_Security: ['data-security'],
  Specific_Audiences: ['specific-audiences'],
  Policy_Contact_Information: ['other'],
  Policy_Change: ['policy-change'],
  Data_Retention: ['data-retention'],
  International_Data_Transfer: ['specific-audiences'],
};

export interface AppcorpRecord {
  text: string;
  label: string;
}
