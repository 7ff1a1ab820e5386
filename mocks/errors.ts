import { HybridBenchError } from '../src/errors.js';

/**
 * The one error class of the mocks area, for mistakes in how a mock is set up — options,
 * fault profiles, cassettes — never for what a mocked endpoint answers (those are HTTP
 * responses). A user error: the CLI reports it with exit code 2. Branch on `code`.
 */
export class MockSetupError extends HybridBenchError {
  declare readonly code: MockSetupErrorCode;

  constructor(code: MockSetupErrorCode, message: string) {
    super(code, message, { isUserError: true });
  }
}

/** Stable codes of {@link MockSetupError}. */
export const MockSetupErrorCodes = {
  invalidOptions: 'MOCK_INVALID_OPTIONS',
  invalidCassette: 'MOCK_INVALID_CASSETTE',
  invalidFaultProfile: 'MOCK_INVALID_FAULT_PROFILE',
} as const;

export type MockSetupErrorCode = (typeof MockSetupErrorCodes)[keyof typeof MockSetupErrorCodes];
