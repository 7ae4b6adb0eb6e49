import type { MessageKey, Translator } from '../i18n/index.ts';
import { labels } from '../present/labels.ts';
import type { Declaration, Log } from '../schema/index.ts';
import { definitions, joinedList, notes, run, runs } from './blocks.ts';
import { hasText } from './compose.ts';
import type { Block, HeadingBlock, Inline, Section } from './model.ts';
import { locationName } from './references.ts';
import { retentionDetailRows, retentionWords } from './retention.ts';

/** Whether a log holds end-user data, as the answer to "End-user data". */
const END_USER_DATA: Record<Log['endUserData'], MessageKey> = {
  yes: 'value.endUserData.yes',
  no: 'value.endUserData.no',
  'may-contain': 'value.endUserData.may-contain',
  'not-stated': 'value.endUserData.not-stated',
};

/** "Not stated", for the questions an admin asks of every log. */
function stated(translator: Translator, value: Inline): Inline {
  return hasText(value) ? value : [translator.t('value.notStated')];
}

/** Who can read a log, a line each, or "Not stated". */
function readers(translator: Translator, names: Inline[]): Inline[] {
  return names.length > 0 ? names : [[translator.t('value.notStated')]];
}

/** The names of the locations a log is kept in, in its order: names, never ids. */
function keptIn(declaration: Declaration, log: Log, translator: Translator): Inline {
  const names = (log.storedIn ?? []).flatMap((id) =>
    declaration.locations
      .filter((location) => location.id === id)
      .map((location) => locationName(location, translator)),
  );
  return joinedList(translator, names);
}

/**
 * One log as a card: what it holds, whether end-user data is in it, where it is kept, for how
 * long and who can read it. Those questions are answered "Not stated" where the declaration is
 * silent, because an admin asks them of every log; examples and platforms only appear when given,
 * and so do the rest of the retention (where backups are kept, the policy's words, notes).
 */
function logCard(declaration: Declaration, log: Log, translator: Translator): HeadingBlock {
  const locale = translator.locale;
  const card: HeadingBlock = {
    kind: 'heading',
    text: run(log.name, locale),
    key: `log-${log.id}`,
    card: true,
    blocks: [
      ...definitions(translator, [
        ['label.logHolds', run(log.holds, locale)],
        ['label.examples', joinedList(translator, runs(log.examples, locale))],
        ['label.endUserData', [translator.t(END_USER_DATA[log.endUserData])]],
        ['label.keptIn', stated(translator, keptIn(declaration, log, translator))],
        [
          'label.howLong',
          stated(translator, log.retention ? retentionWords(log.retention, translator) : []),
        ],
        // Under its words, the rest of the retention, as a kind of data's details give it.
        ...(log.retention ? retentionDetailRows(declaration, log.retention, translator) : []),
        // Each reader apart: vendors describe them in sentences, which a joined list runs together.
        ['label.readableBy', readers(translator, runs(log.readableBy, locale))],
        [
          'label.platforms',
          joinedList(
            translator,
            labels(translator, 'platform', log.platforms ?? []).map((name) => [name]),
          ),
        ],
      ]),
      ...notes(translator, log.notes, locale),
    ],
  };
  if (log.platforms?.length) card.platforms = log.platforms;
  return card;
}

/**
 * The logs the app and its vendor keep. A declaration without logs still gets the section, saying
 * that it does not say: admins ask first what goes into logs, a Forge app's logs are readable by
 * its developers, and a missing section would let silence read as "nothing is logged".
 */
export function logsSection(declaration: Declaration, translator: Translator): Section {
  const logs = declaration.logs ?? [];
  const blocks: Block[] =
    logs.length > 0
      ? logs.map((log) => logCard(declaration, log, translator))
      : [{ kind: 'paragraph', content: [translator.t('value.logsNotStated')] }];
  return { id: 'logs', title: translator.t('section.logs'), blocks };
}
