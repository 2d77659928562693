import { describe, expect, it } from 'vitest';
import { ApiError, parseAnswer, queryString, toApiError } from './client';

const problem = (status: number, body: unknown, type = 'application/problem+json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': type },
  });

describe('api client', () => {
  it('reads problem+json into detail and field errors', async () => {
    const error = await toApiError(
      problem(400, {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: 'links.0.url: must be a URL',
        errors: [{ field: 'links.0.url', message: 'must be a URL' }, { junk: true }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.detail).toBe('links.0.url: must be a URL');
    expect(error.errors).toEqual([{ field: 'links.0.url', message: 'must be a URL' }]);
    expect(error.fieldMessage('links.0.url')).toBe('must be a URL');
    expect(error.fieldMessage('firstName')).toBeUndefined();
  });

  it('keeps the status line when the body is not JSON', async () => {
    const error = await toApiError(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error.status).toBe(502);
    expect(error.detail).toBe('502 Bad Gateway');
    expect(error.errors).toEqual([]);
  });

  it('reads a JSON answer, and turns a 2xx answer that is not JSON into an ApiError', () => {
    expect(parseAnswer<{ id: string }>(200, '{"id":"a"}')).toEqual({ id: 'a' });
    const error = (() => {
      try {
        parseAnswer(200, '<html>Sign in to the Wi-Fi</html>');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, detail: 'the server sent an answer that is not JSON' });
  });

  it('leaves empty filters out of the query string', () => {
    expect(queryString({ q: 'ada', tag: '', city: undefined, company: null, limit: 50 })).toBe(
      '?q=ada&limit=50',
    );
    expect(queryString({})).toBe('');
    expect(queryString({ q: 'a&b=c' })).toBe('?q=a%26b%3Dc');
  });
});
