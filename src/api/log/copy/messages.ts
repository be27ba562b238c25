/** Why an entry cannot be copied as a command (shown instead of the command). */
export const copyMessages = {
  bodyNotKept: (size: number) =>
    `The request body (${size.toLocaleString('en')} characters) was too large to keep in the log, so the exact call cannot be copied.`,
  unknownApi: (method: string, path: string) =>
    `${method} ${path} is not an API the console knows by name, so there is no SDK action for it; copy it as curl.`,
  unreadableBody:
    'The request body in the log is not JSON, so its parameters cannot be written as an SDK call.',
} as const;
