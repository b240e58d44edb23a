/** Modules made at build time by the plugins in vite.config.ts. */
declare module 'virtual:dataset-csv' {
  import type { CooperationRecord } from './data/model.ts';
  /** The editors' long CSV of a dataset (UTF-8 with BOM, CRLF; scripts/lib/csv/write.ts). */
  export default function cooperationsToCsv(dataset: {
    version: string;
    cooperations: CooperationRecord[];
  }): string;
}
