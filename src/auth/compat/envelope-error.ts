import { ApiError } from '../../common/api-error';

/**
 * A token endpoint error for a client registered with `tokenResponse:
 * "envelope"`: the `/v1` token API's `{success: false, message}`, with the
 * status and headers RFC 6749 gives the error.
 */
export class EnvelopeError extends ApiError {
  constructor(cause: ApiError) {
    super(cause.getStatus(), cause.message, { headers: cause.details.headers });
  }

  override toBody(): { success: false; message: string } {
    return { success: false, message: this.message };
  }
}
