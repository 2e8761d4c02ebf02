import * as OAuth from 'oauth4webapi';

/** What oauth4webapi throws for an OAuth error response, or a failure if it does not throw. */
export async function oauthError(work: Promise<unknown>): Promise<OAuth.ResponseBodyError> {
  const error: unknown = await work.then(
    () => new Error('expected an OAuth error response'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuth.ResponseBodyError);
  return error as OAuth.ResponseBodyError;
}
