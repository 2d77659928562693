import { z } from 'zod';

export const VCardExportQuery = z.object({
  version: z.enum(['4.0', '3.0']).default('4.0').describe('3.0 for older address books and Google Contacts'),
});
export type VCardExportQuery = z.infer<typeof VCardExportQuery>;
