import { decimalToCents } from '../../common/money.ts';
import { parseFaultObject } from './fault-plan.ts';
import { json, message, readJsonBody } from './http-io.ts';
import { defineRoute, type Route } from './route.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { lowerCaseKeys } from '../api/wire-casing.ts';
import { balanceToWire, orderToWire } from './wire-format.ts';

const amountOf = (body: unknown): number | undefined => {
  if (body === null || typeof body !== 'object' || !('amount' in body) || typeof body.amount !== 'number') {
    return undefined;
  }
  const cents = decimalToCents(body.amount);
  return cents !== undefined && cents > 0 ? cents : undefined;
};

/**
 * Simulator-only controls, outside /v1 and without a token (docs/provider-api.md §13.13): what the vendor's portal
 * would do (funding), plus knobs and read-outs for tests.
 */
export const createAdminRoutes = (context: SandboxContext): Route[] => {
  const open = { requiresToken: false };
  const balance = () => json(200, balanceToWire(context.state.balance()));
  return [
    defineRoute('GET', '/_sim/faults', open, () => json(200, context.faults())),

    defineRoute('POST', '/_sim/faults', open, async ({ request }) => {
      const read = await readJsonBody(request);
      if (!read.ok) return read.error;
      const faults = parseFaultObject(read.value);
      if (!faults.ok) return message(400, `Invalid faults: ${faults.error}.`);
      context.setFaults(faults.value);
      return json(200, context.faults());
    }),

    defineRoute('POST', '/_sim/funding', open, async ({ request }) => {
      const read = await readJsonBody(request);
      if (!read.ok) return read.error;
      const amountCents = amountOf(lowerCaseKeys(read.value));
      if (amountCents === undefined) {
        return json(400, {
          Message: 'One or more validation errors occurred.',
          Errors: { Amount: ['Amount must be a positive number with at most 2 decimals.'] },
        });
      }
      context.state.addFunding(amountCents);
      return balance();
    }),

    defineRoute('POST', '/_sim/funding/apply', open, () => {
      context.state.applyFunding();
      return balance();
    }),

    defineRoute('POST', '/_sim/reset', open, () => {
      context.state.reset();
      context.resetFaults();
      context.stats.reset();
      return message(200, 'Sandbox reset.');
    }),

    defineRoute('GET', '/_sim/orders', open, () =>
      json(
        200,
        context.state.listOrders().map((order) => orderToWire(order, context.baseUrl())),
      ),
    ),

    defineRoute('GET', '/_sim/stats', open, () => json(200, context.stats.report())),

    // Safe without a token: the id only tells a client whether it is talking to the same sandbox state.
    defineRoute('GET', '/_sim/identity', open, () => json(200, { Id: context.id })),
  ];
};
