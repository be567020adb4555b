import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyFailure, parseBody } from './classify-response.ts';

const response = (status: number, body: string, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  text: body,
});
const now = 0;

describe('classifying a failed answer', () => {
  it('reads the original order id from a 409, in any casing, or from PreviousOrderIds', () => {
    expect(
      classifyFailure(response(409, '{"Message":"Duplicate PONumber","Id":"ord_1"}'), now),
    ).toMatchObject({
      kind: 'duplicate_po',
      originalOrderId: 'ord_1',
    });
    expect(classifyFailure(response(409, '{"previousOrderIds":["ord_2"]}'), now)).toMatchObject({
      originalOrderId: 'ord_2',
    });
    expect(classifyFailure(response(409, 'not json'), now)).toEqual({
      kind: 'duplicate_po',
      message: 'An order with this PO number already exists.',
    });
  });

  it('reads the amounts short from a 422 as cents', () => {
    expect(classifyFailure(response(422, '{"Available":12.5,"Required":100.01}'), now)).toMatchObject({
      kind: 'insufficient_funds',
      availableCents: 1250,
      requiredCents: 10001,
    });
  });

  it('reads field errors from a 400', () => {
    expect(
      classifyFailure(
        response(400, '{"Message":"Invalid","Errors":{"LineItems[0].Value":["not allowed"]}}'),
        now,
      ),
    ).toEqual({
      kind: 'invalid_request',
      message: 'Invalid',
      fieldErrors: { 'LineItems[0].Value': ['not allowed'] },
    });
  });

  it('classifies by status code alone otherwise', () => {
    const kinds = [401, 403, 404, 408, 429, 500, 502, 503, 504, 418].map(
      (status) => classifyFailure(response(status, ''), now).kind,
    );
    expect(kinds).toEqual([
      'unauthorized',
      'forbidden',
      'not_found',
      'timeout',
      'rate_limited',
      'unavailable',
      'unavailable',
      'unavailable',
      'timeout',
      'invalid_request',
    ]);
  });

  it('honours Retry-After on a 429', () => {
    expect(classifyFailure(response(429, '', { 'Retry-After': '2' }), now)).toMatchObject({
      retryAfterMs: 2000,
    });
  });
});

describe('parsing a successful answer', () => {
  const schema = z.object({ value: z.string() });

  it('reads keys case-insensitively and ignores unknown fields', () => {
    expect(parseBody(response(200, '{"VALUE":"a","Extra":1}'), schema)).toEqual({
      ok: true,
      value: { value: 'a' },
    });
  });

  it('turns invalid JSON or the wrong shape into bad_response', () => {
    expect(parseBody(response(200, '{"Value":'), schema)).toMatchObject({
      ok: false,
      error: { kind: 'bad_response' },
    });
    expect(parseBody(response(200, '{"Value":3}'), schema)).toMatchObject({
      ok: false,
      error: { kind: 'bad_response' },
    });
  });
});
