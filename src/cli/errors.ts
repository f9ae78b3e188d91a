/** An error the user can fix (bad argument, unreadable file): printed as one line, no stack. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
