import * as z from 'zod/mini';

export const loginSchema = z.object({
  kind: z.enum(['account', 'virtualId']),
  name: z.string().check(z.trim(), z.minLength(1, 'Enter the name to log in with')),
  password: z.string().check(z.minLength(1, 'Enter the password')),
});

export type LoginValues = z.input<typeof loginSchema>;
