import { describe, expect, it } from 'vitest';
import { retentionWords, textOf } from '@declaration/document/index.ts';
import { loadDeclaration } from '../export/load.ts';
import { example } from '../../static/examples.ts';
import { cardsOf, changed, linesOf, sectionIds, sectionOf, translator } from './section-reading.ts';

/**
 * TechTime's User Management: its log files hold users' names and e-mail addresses (seed 000).
 * The policy says nothing about how long they are kept, nor who reads them; the log is held to
 * that here, so that the example can grow without this test reading other answers.
 */
const techtime = changed(example('techtime-user-management'), (copy) => {
  const log = copy.logs!.find((candidate) => candidate.id === 'app-log-files')!;
  log.retention = { basis: 'not-stated' };
  delete log.readableBy;
  delete log.notes;
});
/** Exalate with every field of the format filled in (seed 002). */
const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

function logCard(declaration = techtime, locale = 'en-US', key = 'log-app-log-files'): string[] {
  const section = sectionOf(declaration, 'logs', locale);
  const card = section && cardsOf(section.blocks)[key];
  if (!card) throw new Error(`The logs section has no card ${key}.`);
  return card;
}

describe('the logs section', () => {
  it('answers what an admin asks of each log, with location names and "Not stated" for silence', () => {
    expect(logCard()).toEqual([
      expect.stringMatching(/^What it holds: The runtime information the app handles/),
      "Examples: users' names, email addresses, usernames, user group membership, and user directory details",
      'End-user data: Yes',
      "Where it is kept: The customer's own Server or Data Center instance and TechTime's backend for the cloud apps",
      'How long: Not stated',
      'Who can read it: Not stated',
      'Platforms: Server, Data Center, and Cloud',
    ]);
  });

  it('names the places, never their ids', () => {
    const lines = logCard().join('\n');
    expect(lines).not.toContain('techtime-cloud-backend');
    expect(lines).not.toContain('customer-instance');
  });

  it('says how long in the words the data section uses for a retention', () => {
    const log = exalate.logs![0]!;
    for (const locale of ['en-US', 'ja-JP']) {
      const words = textOf(retentionWords(log.retention!, translator(locale)));
      const card = logCard(exalate, locale, 'log-application-logs')!;
      const label = translator(locale).t('label.howLong');
      expect(card).toContain(`${label}: ${words}`);
    }
    expect(logCard(exalate, 'en-US', 'log-application-logs')).toEqual(
      expect.arrayContaining([
        'How long: Deleted exactly 30 days after collection. Backup copies are kept for about 7 days. Backups keep it for up to 14 days after deletion. Logs are backed up with the rest of the node.',
        'Backups after deletion: Log backups expire two weeks after the log is deleted.',
        'Backups kept in: Rsync.net, Zurich',
        'Retention in the policy’s words: Logs are rotated after 30 days.',
        'About the retention: Log retention is a test assumption.',
      ]),
    );
    expect(logCard(exalate, 'ja-JP', 'log-application-logs')).toContain(
      '保存期間: ちょうど収集から30日で削除。バックアップのコピーは約7日保存されます。削除後もバックアップに最長14日残ります。Logs are backed up with the rest of the node。',
    );
  });

  it('tells each answer about end-user data apart', () => {
    const answers = (['yes', 'no', 'may-contain', 'not-stated'] as const).map((endUserData) => {
      const declaration = changed(exalate, (copy) => {
        copy.logs![0]!.endUserData = endUserData;
      });
      return logCard(declaration, 'en-US', 'log-application-logs')!.find((line) =>
        line.startsWith('End-user data:'),
      );
    });
    expect(answers).toEqual([
      'End-user data: Yes',
      'End-user data: No',
      'End-user data: May contain it',
      'End-user data: Not stated',
    ]);
  });

  it('reads in German and Japanese', () => {
    expect(logCard(techtime, 'de-DE')).toEqual(
      expect.arrayContaining([
        'Daten von Endnutzern: Ja',
        'Wie lange: Nicht angegeben',
        'Wer es lesen kann: Nicht angegeben',
        'Plattformen: Server, Data Center und Cloud',
      ]),
    );
    expect(sectionOf(techtime, 'logs', 'de-DE')!.title).toBe('Protokolle');
    expect(logCard(exalate, 'ja-JP', 'log-application-logs')).toEqual(
      expect.arrayContaining([
        'エンドユーザーのデータ: 含まれる可能性あり',
        "保管場所: Exalate Cloud, Belgium、The customer's Jira database",
        'バックアップの保存場所: Rsync.net, Zurich',
        '閲覧できる人: Exalate support engineers',
      ]),
    );
    expect(sectionOf(exalate, 'logs', 'ja-JP')!.title).toBe('ログ');
  });

  it('puts each reader on a line of its own', () => {
    const declaration = changed(exalate, (copy) => {
      copy.logs![0]!.readableBy = [
        'Exalate support engineers, while a support request is open',
        'Site administrators, who can download the logs from the Exalate console',
      ];
    });
    const log = sectionOf(declaration, 'logs')!.blocks[0]!;
    const definitions = log.kind === 'heading' ? log.blocks[0] : undefined;
    const readers = definitions?.kind === 'definitions' ? definitions.items : [];
    expect(
      readers.find((item) => textOf(item.term) === 'Who can read it')?.details.map(textOf),
    ).toEqual([
      'Exalate support engineers, while a support request is open',
      'Site administrators, who can download the logs from the Exalate console',
    ]);
  });

  it('comes after who else receives data and before cookies', () => {
    const ids = sectionIds(exalate);
    expect(ids.indexOf('logs')).toBe(ids.indexOf('recipients') + 1);
    expect(ids.indexOf('cookies')).toBe(ids.indexOf('logs') + 1);
  });

  it('says that the declaration does not say, rather than leaving silence to read as "no logs"', () => {
    const silent = changed(exalate, (copy) => {
      delete copy.logs;
    });
    expect(linesOf(sectionOf(silent, 'logs')!.blocks)).toEqual([
      'This declaration does not say what the app or its vendor keeps in logs.',
    ]);
    expect(linesOf(sectionOf(silent, 'logs', 'de-DE')!.blocks)).toEqual([
      'Diese Erklärung sagt nicht, was die App oder ihr Anbieter in Protokollen aufbewahrt.',
    ]);
  });

  it('marks each log with its platforms for the page filter', () => {
    const block = sectionOf(techtime, 'logs')!.blocks[0]!;
    expect(block).toMatchObject({
      kind: 'heading',
      card: true,
      platforms: ['server', 'data-center', 'cloud'],
    });
  });
});
