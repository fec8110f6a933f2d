/**
 * The inspector API's shapes live in shared/api/. This re-export only keeps review/review-documents.tsx
 * compiling until it imports from shared/api/documents.ts itself; then this file goes.
 */
export type { InvestigationDocument } from '../../../../shared/api/documents.js';
