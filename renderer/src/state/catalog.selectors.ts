import type { Product } from '../../../common/catalog/product.ts';
import { deliveryTypeLabels } from '../wording.ts';

const searchableText = (product: Product): string =>
  [
    product.id,
    product.name,
    product.shortDescription,
    product.productType,
    ...product.deliveryTypes,
    ...product.deliveryTypes.map((type) => deliveryTypeLabels[type]),
  ]
    .join(' ')
    .toLowerCase();

/** Products matching every word of the search, in catalog order. Memoise the result: it is a new array. */
export const matchingProducts = (products: readonly Product[], query: string): readonly Product[] => {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.length === 0
    ? products
    : products.filter((product) => words.every((word) => searchableText(product).includes(word)));
};
