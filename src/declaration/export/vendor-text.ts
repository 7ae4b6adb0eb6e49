import type { Retention, Text } from '../schema/index.ts';
import { localize } from '../present/localize.ts';
import { describeRetention } from '../present/retention.ts';
import { isolate } from './bidi.ts';

/**
 * A text of the declaration, in the reader's language, isolated from the export's own words
 * around it (see `isolate`). Every text the vendor wrote reaches an export through here.
 */
export function vendorText(text: Text | undefined, locale: string): string {
  return isolate(localize(text, locale));
}

/**
 * The retention in words (`describeRetention`), with the policy's own words about backups, the
 * one vendor text in it, isolated from the sentences around it.
 */
export function retentionWords(retention: Retention, locale: string): string {
  const backups = retention.backups;
  const description = localize(backups?.description, locale);
  if (!backups || !description) return describeRetention(retention, locale);
  // describeRetention drops a final full stop before it ends the sentence; an isolate would hide it.
  const isolated = isolate(description.replace(/\.$/, ''));
  return describeRetention(
    { ...retention, backups: { ...backups, description: isolated } },
    locale,
  );
}
