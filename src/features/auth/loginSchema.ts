import * as z from 'zod/mini';
import type { MessageKey } from '../../i18n/keys';

// The messages are catalogue keys: the form translates them where it shows them (src/i18n/README.md).

export const loginSchema = z.object({
  kind: z.enum(['account', 'virtualId']),
  name: z.string().check(z.trim(), z.minLength(1, 'login.errors.nameRequired' satisfies MessageKey)),
  password: z.string().check(z.minLength(1, 'login.errors.passwordRequired' satisfies MessageKey)),
});

export type LoginValues = z.input<typeof loginSchema>;
