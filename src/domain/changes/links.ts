/** Where a changed entry's page is, by its kind and id. */
import type { Routes } from '../urls.ts';
import type { ChangeEntryKind } from './describe.ts';

export function entryHref(item: { readonly kind: ChangeEntryKind; readonly id: string }, routes: Routes): string {
  switch (item.kind) {
    case 'sop':
      return routes.sop(item.id);
    case 'role':
      return routes.role(item.id);
    case 'plan':
      return routes.plan(item.id);
    case 'department':
      return routes.department(item.id);
  }
}
