/** The Atlassian-hosted storage a manifest grants: `storage:app`, custom entities, SQL, object store. */
import type { ForgeStorage, ScopeFact } from './types.ts';
import type { Located, ManifestNodes } from './yaml-nodes.ts';

/** What Forge storage the app may use. */
export function storageFacts(
  nodes: ManifestNodes,
  root: Located,
  scopes: ScopeFact[],
): ForgeStorage {
  const scope = scopes.find((fact) => fact.scope === 'storage:app');
  const modules = nodes.get(root, 'modules');
  return {
    ...(scope && { storageScope: { line: scope.line, column: scope.column, path: scope.path } }),
    entities: nodes.items(nodes.at(root, 'app', 'storage', 'entities')).flatMap((entity) => {
      const name = nodes.text(nodes.get(entity, 'name'));
      return name === undefined ? [] : [{ name, ...entity.place }];
    }),
    sql: nodes.items(nodes.get(modules, 'sql')).flatMap((module) => {
      const key = nodes.text(nodes.get(module, 'key'));
      const dareCompliant = nodes.flag(nodes.get(module, 'dareCompliant'));
      return key === undefined
        ? []
        : [{ key, ...(dareCompliant !== undefined && { dareCompliant }), ...module.place }];
    }),
    objectStores: nodes.items(nodes.get(modules, 'objectStore')).flatMap((module) => {
      const key = nodes.text(nodes.get(module, 'key'));
      return key === undefined ? [] : [{ key, ...module.place }];
    }),
  };
}

/** Whether the manifest grants any Atlassian-hosted storage at all. */
export function grantsForgeStorage(storage: ForgeStorage): boolean {
  return (
    storage.storageScope !== undefined ||
    storage.entities.length > 0 ||
    storage.sql.length > 0 ||
    storage.objectStores.length > 0
  );
}
