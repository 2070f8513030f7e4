/** The e-mail and password do not open an account (which part was wrong is never said). */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('invalid-credentials');
  }
}

/** A password-reset link that is unknown, expired or already used. */
export class InvalidResetTokenError extends Error {
  constructor() {
    super('invalid-reset-token');
  }
}

/** A second-factor step asked for without a session waiting for it (or its person is gone). */
export class NoPendingSecondFactorError extends Error {
  constructor() {
    super('no-pending-second-factor');
  }
}
