/** The hosts under `permissions.external`, by kind, with `category` and `inScopeEUD` as written. */
import { parseHost } from './hosts.ts';
import { EGRESS_KINDS, type EgressEntry, type RemoteReference } from './types.ts';
import type { Located, ManifestNodes } from './yaml-nodes.ts';

/** Every egress entry and every reference to a remote, in the order the manifest writes them. */
export function egressFacts(
  nodes: ManifestNodes,
  root: Located,
): { egress: EgressEntry[]; remoteReferences: RemoteReference[] } {
  const external = nodes.at(root, 'permissions', 'external');
  const egress: EgressEntry[] = [];
  const remoteReferences: RemoteReference[] = [];
  for (const kind of EGRESS_KINDS) {
    const list = nodes.at(external, ...kind.split('.'));
    for (const item of nodes.items(list)) {
      const plain = nodes.text(item);
      if (plain !== undefined) {
        egress.push({
          kind,
          address: plain,
          host: parseHost(plain),
          plainString: true,
          ...item.place,
        });
        continue;
      }
      const remote = nodes.text(nodes.get(item, 'remote'));
      if (remote !== undefined) {
        remoteReferences.push({ kind, remote, ...item.place });
        continue;
      }
      const address = nodes.text(nodes.get(item, 'address'));
      if (address === undefined) continue;
      const category = nodes.text(nodes.get(item, 'category'));
      const inScopeEUD = nodes.flag(nodes.get(item, 'inScopeEUD'));
      egress.push({
        kind,
        address,
        host: parseHost(address),
        plainString: false,
        ...(category !== undefined && { category }),
        ...(inScopeEUD !== undefined && { inScopeEUD }),
        ...item.place,
      });
    }
  }
  return { egress, remoteReferences };
}
