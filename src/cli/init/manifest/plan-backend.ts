/** Plans the disclosure's functions, triggers and resource in a manifest. Pure. */
import {
  LIFECYCLE_EVENTS,
  LIFECYCLE_HANDLER,
  PERSONAL_DATA_HANDLER,
  PERSONAL_DATA_INTERVAL,
  RESOLVER_HANDLER,
  UI_PATH,
} from './disclosure-parts.ts';
import { claimKey, type Context } from './plan-context.ts';
import { commented, SpliceError } from './yaml-splice.ts';
import { isMap, isSeq, type YAMLMap } from 'yaml';

/**
 * Adds the functions, resource and triggers, reusing those already there. The resolver function
 * is added only with `addResolver`: pages served by the vendor's own resolver need none.
 */
export function planBackend(
  context: Context,
  addResolver: boolean,
): { resolver: string; resource: string } {
  const { parts, edits, used, changes } = context;
  const functions = [];
  const resolver = parts.resolverFunction ?? claimKey(used, 'disclosure-resolver');
  if (!parts.resolverFunction && addResolver) {
    functions.push(
      commented('Privacy Disclosure: the resolver of its pages (src/privacy-disclosure)', {
        key: resolver,
        handler: RESOLVER_HANDLER,
      }),
    );
    changes.push(`function ${resolver}: the resolver of the disclosure's pages`);
  }
  const lifecycle = parts.lifecycleFunction ?? claimKey(used, 'disclosure-lifecycle');
  if (!parts.lifecycleFunction) {
    functions.push(
      commented('Privacy Disclosure: publishes the bundled declaration', {
        key: lifecycle,
        handler: LIFECYCLE_HANDLER,
      }),
    );
    changes.push(`function ${lifecycle}: publishes the declaration`);
  }
  const personalData = parts.personalDataFunction ?? claimKey(used, 'disclosure-accounts');
  if (!parts.personalDataFunction) {
    functions.push(
      commented('Privacy Disclosure: reports the account ids in its reviews to Atlassian', {
        key: personalData,
        handler: PERSONAL_DATA_HANDLER,
      }),
    );
    changes.push(
      `function ${personalData}: the personal data report of the account ids in reviews`,
    );
  }
  edits.appendToList(['modules', 'function'], functions);
  planScheduledTrigger(context, personalData);
  if (!parts.trigger) {
    const trigger = claimKey(used, 'privacy-disclosure-publish');
    edits.appendToList(
      ['modules', 'trigger'],
      [
        commented('Privacy Disclosure: publish the declaration on install and upgrade', {
          key: trigger,
          function: lifecycle,
          events: [...LIFECYCLE_EVENTS],
        }),
      ],
    );
    changes.push(`trigger ${trigger}: on ${LIFECYCLE_EVENTS.join(' and ')}`);
  } else {
    const missing = LIFECYCLE_EVENTS.filter((event) => !parts.trigger!.events.includes(event));
    if (missing.length > 0) {
      const triggers = context.manifest.modules.get('trigger', true);
      const entry = isSeq(triggers) ? triggers.items[parts.trigger.index] : undefined;
      const events = isMap(entry) ? entry.get('events', true) : undefined;
      if (!isSeq(events)) {
        throw new SpliceError(
          `trigger ${parts.trigger.key} must list its events for init to add ${missing.join(', ')}`,
          (entry as YAMLMap | undefined)?.range?.[0] ?? 0,
        );
      }
      edits.appendToNode(events, missing);
      changes.push(`trigger ${parts.trigger.key}: also on ${missing.join(' and ')}`);
    }
  }
  let resource = parts.resource?.key;
  if (!resource) {
    resource = claimKey(used, 'privacy-disclosure-ui');
    edits.appendToList(
      ['resources'],
      [
        commented(
          'Privacy Disclosure: its prebuilt Custom UI, refreshed by privacy-disclosure build',
          {
            key: resource,
            path: UI_PATH,
          },
        ),
      ],
    );
    changes.push(`resource ${resource}: ${UI_PATH} (the prebuilt UI)`);
  }
  return { resolver, resource };
}

/**
 * The weekly scheduled trigger of the personal data report. Atlassian's reporting cycle is 7
 * days; a trigger the vendor set to another interval is kept, with a note.
 */
function planScheduledTrigger(context: Context, personalData: string): void {
  const existing = context.parts.scheduledTrigger;
  if (existing) {
    if (existing.interval !== PERSONAL_DATA_INTERVAL) {
      context.notes.push(
        `scheduledTrigger ${existing.key} runs the personal data report ${existing.interval === undefined ? 'with no interval' : `every ${existing.interval}`}; init keeps it. Atlassian's reporting cycle is 7 days and the starting declaration says the report runs once a week: set interval: ${PERSONAL_DATA_INTERVAL}, or say in privacy/declaration.yaml how often it runs.`,
      );
    }
    return;
  }
  const key = claimKey(context.used, 'privacy-disclosure-personal-data');
  context.edits.appendToList(
    ['modules', 'scheduledTrigger'],
    [
      commented(
        "Privacy Disclosure: the weekly personal data report (Atlassian's cycle is 7 days)",
        { key, function: personalData, interval: PERSONAL_DATA_INTERVAL },
      ),
    ],
  );
  context.changes.push(
    `scheduledTrigger ${key}: every ${PERSONAL_DATA_INTERVAL}, reports the account ids in reviews and erases those of closed accounts`,
  );
}
