import { z } from 'zod';
import { Id } from './common';

const segmentId = Id.optional().describe("only this saved segment's contacts (its filter as it matches now)");

export const VCardExportQuery = z.object({
  version: z.enum(['4.0', '3.0']).default('4.0').describe('3.0 for older address books and Google Contacts'),
  segmentId,
});
export type VCardExportQuery = z.infer<typeof VCardExportQuery>;
export const CsvExportQuery = z.object({ segmentId });
