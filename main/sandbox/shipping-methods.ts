/** GET /v1/ShippingMethods, exactly as docs/provider-api.md §13.14 describes it. */
export const shippingMethods = [
  { Id: 'STANDARD', Name: 'Standard', CarrierId: 'DEFAULT' },
  { Id: 'EXPEDITED', Name: 'Expedited', CarrierId: 'DEFAULT' },
] as const;

export const isShippingMethodId = (id: string): boolean => shippingMethods.some((method) => method.Id === id);
