/**
 * Third-party extraction for the popup (issue 4): the companies, SDKs, ad networks and payment
 * providers a policy names, with the paragraphs that name them. Pure; no data files at run time.
 */
export { extractThirdParties, namesIn, type ThirdParty } from './extract';
export { GAZETTEER, type GazetteerEntry, type ThirdPartyKind } from './gazetteer';
