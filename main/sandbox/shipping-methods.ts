/** GET /v1/ShippingMethods, exactly as API notes §13.14 describe it. */
export const shippingMethods = [
  { Id: 'STANDARD', Name: 'Standard', CarrierId: 'DEFAULT' },
  { Id: 'EXPEDITED', Name: 'Expedited', CarrierId: 'DEFAULT' },
] as const;

export const isShippingMethodId = (id: string): boolean => shippingMethods.some((method) => method.Id === id);
