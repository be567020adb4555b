/** Counts for GET /_sim/stats: tests use them to prove what a client did or did not send. */
export interface RequestStats {
  countRequest(route: string): void;
  countOrderCreated(): void;
  reset(): void;
  report(): { orderCreateRequests: number; ordersCreated: number; requestsByRoute: Record<string, number> };
}

export const orderCreateRoute = 'POST /v1/Orders';

export const createRequestStats = (): RequestStats => {
  let requestsByRoute = new Map<string, number>();
  let ordersCreated = 0;
  return {
    countRequest: (route) => requestsByRoute.set(route, (requestsByRoute.get(route) ?? 0) + 1),
    countOrderCreated: () => {
      ordersCreated += 1;
    },
    reset: () => {
      requestsByRoute = new Map();
      ordersCreated = 0;
    },
    report: () => ({
      orderCreateRequests: requestsByRoute.get(orderCreateRoute) ?? 0,
      ordersCreated,
      requestsByRoute: Object.fromEntries(requestsByRoute),
    }),
  };
};
