/**
 * Record kinds and filter names: what the search UI needs of records.ts, in a module that imports nothing,
 * so the browser's search bundle does not pull in the handbook model (and through it the zod schemas).
 */
/** `page`: an overview that answers questions of its own (新人入职, 工作节奏, 组织架构, a list of SOPs); `review`: a 月报. */
export type RecordKind = 'sop' | 'role' | 'term' | 'department' | 'plan' | 'review' | 'page';
export const RECORD_KINDS: readonly RecordKind[] = ['sop', 'role', 'term', 'department', 'plan', 'review', 'page'];

/** The filters every record may carry, in the order the search page shows them. */
export const FILTERS = ['type', 'department', 'owner', 'frequency'] as const;
export type FilterName = (typeof FILTERS)[number];
