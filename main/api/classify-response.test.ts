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
  it('reads the original order id from a 409 under any name a provider may give it, in any casing', () => {
    const idsOf = (body: string) => {
      const error = classifyFailure(response(409, body), now);
      return error.kind === 'duplicate_po' ? error.originalOrderIds : undefined;
    };
    expect(idsOf('{"Message":"Duplicate PONumber","Id":"ord_1"}')).toEqual(['ord_1']);
    expect(idsOf('{"previousOrderIds":["ord_2"]}')).toEqual(['ord_2']);
    expect(idsOf('{"OrderId":"ord_3"}')).toEqual(['ord_3']);
    expect(idsOf('{"existingOrderId":12345}')).toEqual(['12345']);
    expect(idsOf('{"Error":{"Code":"Duplicate","ExistingOrder":{"Id":"ord_4"}}}')).toEqual(['ord_4']);
    // A bare Id under a name that is not about an order may be the error's own: tried last.
    expect(idsOf('{"Error":{"Id":"err_9","ExistingOrder":{"Id":"ord_5"}}}')).toEqual(['ord_5', 'err_9']);
    expect(idsOf('{"Errors":[{"OrderId":"ord_6"}]}')).toEqual(['ord_6']);
  });

  it('says what a 409 held when it names no order id', () => {
    expect(classifyFailure(response(409, '{"Message":"Duplicate","Code":7}'), now)).toEqual({
      kind: 'duplicate_po',
      message:
        'An order with this PO number already exists; the answer named no order id GiftBatch recognises (its fields: Message, Code).',
      originalOrderIds: [],
    });
    expect(classifyFailure(response(409, 'not json'), now)).toEqual({
      kind: 'duplicate_po',
      message: 'An order with this PO number already exists; the answer named no order id.',
      originalOrderIds: [],
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

  it('reads Retry-After on a 429, a 503 and a 504, as seconds or an HTTP date', () => {
    expect(classifyFailure(response(429, '', { 'Retry-After': '2' }), now)).toMatchObject({
      retryAfterMs: 2000,
    });
    expect(classifyFailure(response(503, '', { 'Retry-After': '7' }), now)).toMatchObject({
      kind: 'unavailable',
      retryAfterMs: 7000,
    });
    const at = Date.parse('2026-11-26T10:00:00Z');
    expect(
      classifyFailure(response(504, '', { 'Retry-After': 'Thu, 26 Nov 2026 10:00:04 GMT' }), at),
    ).toMatchObject({ kind: 'timeout', retryAfterMs: 4000 });
    expect(classifyFailure(response(504, ''), now)).not.toHaveProperty('retryAfterMs');
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
