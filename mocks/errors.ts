/**
 * The one error class of the mocks area, for mistakes in how a mock is set up (never for what
 * a mocked endpoint answers: those are HTTP responses). Branch on `code`.
 */
export class MockSetupError extends Error {
  readonly code: MockSetupErrorCode;

  constructor(code: MockSetupErrorCode, message: string) {
    super(message);
    this.name = 'MockSetupError';
    this.code = code;
  }
}

/** Stable codes of {@link MockSetupError}. */
export const MockSetupErrorCodes = {
  invalidOptions: 'MOCK_INVALID_OPTIONS',
} as const;

export type MockSetupErrorCode = (typeof MockSetupErrorCodes)[keyof typeof MockSetupErrorCodes];
