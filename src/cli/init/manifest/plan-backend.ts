/** Plans the disclosure's functions, trigger and resource in a manifest. Pure. */
import {
  LIFECYCLE_EVENTS,
  LIFECYCLE_HANDLER,
  RESOLVER_HANDLER,
  UI_PATH,
} from './disclosure-parts.ts';
import { claimKey, type Context } from './plan-context.ts';
import { commented, SpliceError } from './yaml-splice.ts';
import { isMap, isSeq, type YAMLMap } from 'yaml';

/**
 * Adds the functions, resource and trigger, reusing those already there. The resolver function
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
  edits.appendToList(['modules', 'function'], functions);
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
