import type { ApiErrorBody } from './contract.js';

/** An error that crosses the API boundary: its message is meant for the analyst. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorBody['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}
