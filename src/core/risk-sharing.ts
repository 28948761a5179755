/**
 * The sharing rules behind `assessRisk` (issue 4): sale of data, advertisers, third-party SDKs and
 * trackers (each high: data leaves the service for companies the user never dealt with), and
 * sharing in general (medium).
 */
import type { Finding, RiskParagraph, ThirdPartyRef } from './risk';
import { clauses, ids, type PolicyIndex, type RuleOutput } from './risk-rules';
import { detectAdvertising, detectSale, detectTrackers } from './risk-text';

/**
 * Kinds from third-party extraction that are evidence on their own: a named ad network or SDK
 * in any paragraph shows the practice even when the classifier did not label that paragraph as
 * sharing ("We use Google AdMob to show ads"). Analytics is left to the general sharing finding.
 */
const AD_KIND = /advert|marketing|\bads?\b/i;
const SDK_KIND = /\bsdk\b|tracker/i;

function namedIn(
  index: PolicyIndex,
  thirdParties: readonly ThirdPartyRef[],
  kind: RegExp,
): Set<string> {
  const named = new Set(
    thirdParties.filter((t) => kind.test(t.kind)).flatMap((t) => t.paragraphIds),
  );
  return new Set(index.scored.filter((p) => named.has(p.id)).map((p) => p.id));
}

/** Sharing paragraphs whose wording matches, plus any paragraph naming a matching third party. */
function evidence(
  index: PolicyIndex,
  sharing: readonly RiskParagraph[],
  wording: (text: string) => boolean,
  named: Set<string>,
): RiskParagraph[] {
  const worded = new Set(sharing.filter((p) => wording(p.text)).map((p) => p.id));
  return index.scored.filter((p) => worded.has(p.id) || named.has(p.id));
}

export function sharingFindings(
  index: PolicyIndex,
  thirdParties: readonly ThirdPartyRef[],
): RuleOutput {
  const sharing = index.byCategory.get('third-party-sharing') ?? [];
  // California sections ("we do not sell personal information") are often labelled as regional.
  const saleScope = [...sharing, ...(index.byCategory.get('specific-audiences') ?? [])];
  const risks: Finding[] = [];
  const positives: Finding[] = [];

  const sale = saleScope.map((p) => ({ p, stance: detectSale(p.text) }));
  const sold = sale.filter((x) => x.stance.affirmed).map((x) => x.p);
  const notSold = sale.filter((x) => x.stance.denied).map((x) => x.p);
  if (sold.length > 0) {
    risks.push({
      id: 'sharing:sale',
      severity: 'high',
      label: 'third-party-sharing',
      title: 'May sell or rent your data',
      detail: `The policy says personal data may be sold or rented (${clauses(sold.length)}). Once sold, you cannot control who else gets it.`,
      paragraphIds: ids(sold),
    });
  } else if (notSold.length > 0) {
    positives.push({
      id: 'positive:no-sale',
      severity: 'info',
      label: 'third-party-sharing',
      title: 'Says it does not sell your data',
      detail: `The policy states that personal data is not sold (${clauses(notSold.length)}).`,
      paragraphIds: ids(notSold),
    });
  }

  const ads = evidence(
    index,
    sharing,
    (t) => detectAdvertising(t).affirmed,
    namedIn(index, thirdParties, AD_KIND),
  );
  if (ads.length > 0) {
    risks.push({
      id: 'sharing:advertising',
      severity: 'high',
      label: 'third-party-sharing',
      title: 'Shares data with advertisers',
      detail: `Advertisers or ad networks receive or collect data about you (${clauses(ads.length)}). This feeds profiles used to target you across sites.`,
      paragraphIds: ids(ads),
    });
  }

  const trackers = evidence(
    index,
    sharing,
    (t) => detectTrackers(t).affirmed,
    namedIn(index, thirdParties, SDK_KIND),
  );
  if (trackers.length > 0) {
    risks.push({
      id: 'sharing:trackers',
      severity: 'high',
      label: 'third-party-sharing',
      title: 'Third-party SDKs or trackers collect data',
      detail: `Third-party code (SDKs, pixels, plug-ins or trackers) collects data directly (${clauses(trackers.length)}). Those companies apply their own policies to it.`,
      paragraphIds: ids(trackers),
    });
  }

  if (sharing.length > 0) {
    risks.push({
      id: 'sharing:general',
      severity: 'medium',
      label: 'third-party-sharing',
      title: 'Shares data with third parties',
      detail: `The policy describes giving data to, or letting it be collected by, other companies in ${clauses(sharing.length)}.`,
      paragraphIds: ids(sharing),
    });
  }
  return [risks, positives];
}
