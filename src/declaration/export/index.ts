/** Exports of a declaration to the formats vendors and admins need outside the app. */
export { toHtml, type HtmlOptions } from './html.ts';
export { toMarkdown, type MarkdownOptions } from './markdown.ts';
export { toJson } from './json.ts';
export { CSV_COLUMNS, csvHeaders, toCsv, type CsvColumn, type CsvOptions } from './csv.ts';
export { marketplaceAnswers, toMarketplaceAnswers, type MarketplaceAnswer } from './marketplace.ts';
export {
  marketplacePayload,
  PRIVACY_AND_SECURITY_FIELDS,
  toMarketplaceApi,
  type MarketplaceApiExport,
  type OpenQuestion,
  type OpenReason,
  type PrivacyAndSecurityPayload,
} from './marketplace-api.ts';
export { plainText } from './plain-text.ts';
export { dpvDocument, toDpv } from './dpv.ts';
