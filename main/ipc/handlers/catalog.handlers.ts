import { err, ok } from '../../../common/result.ts';
import { toAppError } from '../../api/api-error.ts';
import type { CatalogService } from '../../catalog/catalog-service.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createCatalogHandlers = (
  catalog: CatalogService,
): Pick<CallHandlers, 'catalog:get' | 'catalog:refresh'> => {
  const answer = async (load: CatalogService['get']) => {
    const result = await load();
    return result.ok ? ok(result.value) : err(toAppError(result.error));
  };
  return {
    'catalog:get': () => answer(catalog.get),
    'catalog:refresh': () => answer(catalog.refresh),
  };
};
