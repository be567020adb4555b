import { err, ok } from '../../../common/result.ts';
import { toAppError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';
import type { ShippingMethod } from '../../api/order-types.ts';
import type { CatalogService } from '../../catalog/catalog-service.ts';
import type { Result } from '../../../common/result.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createCatalogHandlers = (
  catalog: CatalogService,
  shippingMethods: () => Promise<Result<ShippingMethod[], ApiError>>,
): Pick<CallHandlers, 'catalog:get' | 'catalog:refresh' | 'catalog:shipping-methods'> => {
  const answer = async (load: CatalogService['get']) => {
    const result = await load();
    return result.ok ? ok(result.value) : err(toAppError(result.error));
  };
  return {
    'catalog:get': () => answer(catalog.get),
    'catalog:refresh': () => answer(catalog.refresh),
    'catalog:shipping-methods': async () => {
      const methods = await shippingMethods();
      return methods.ok ? ok(methods.value) : err(toAppError(methods.error));
    },
  };
};
