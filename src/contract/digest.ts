import { z } from 'zod';

export const DigestSettings = z.object({
  digestEnabled: z.boolean(),
  digestEmail: z.string().describe("where the digest goes: the setting, else the user's sign-in e-mail"),
  digestEmailSet: z.boolean().describe('false when digestEmail is the default'),
  timeZone: z.string().describe('the digest leaves at 07:00 in this zone (the account’s)'),
});
export type DigestSettings = z.infer<typeof DigestSettings>;

export const DigestSettingsPatch = z
  .object({
    digestEnabled: z.boolean().optional(),
    digestEmail: z
      .email({ message: 'must be an e-mail address' })
      .max(320)
      .nullable()
      .optional()
      .describe('null: back to the sign-in e-mail'),
  })
  .strict();
export type DigestSettingsPatch = z.infer<typeof DigestSettingsPatch>;
