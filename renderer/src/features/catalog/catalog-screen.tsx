import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../../../../common/catalog/product.ts';
import { formatCents } from '../../../../common/money.ts';
import { describeDenominations } from '../../../../common/catalog/describe-denominations.ts';
import { deliveryTypeLabels, describeAge } from '../../wording.ts';
import { matchingProducts } from '../../state/catalog.selectors.ts';
import { useCatalogState } from '../../state/stores.tsx';

const amountsTitles: Record<Product['denominations']['kind'], string> = {
  fixed: 'Values',
  variable: 'Any value',
  unreadable: 'Amounts',
};

const ProductRow = ({ product }: { product: Product }) => {
  const { feeCents, discountPercentage } = product.cost;
  return (
    <li className="product" data-testid="product">
      <div className="product__head">
        <span className="product__name">{product.name}</span>
        <code className="product__id">{product.id}</code>
      </div>
      <p className="product__description">{product.shortDescription}</p>
      <dl className="product__facts">
        <div>
          <dt>{amountsTitles[product.denominations.kind]}</dt>
          {product.denominations.kind === 'unreadable' ? (
            <dd className="product__unreadable" data-testid="unreadable-amounts">
              Not readable from the provider's catalog: {product.denominations.problem}. Rows for this product
              cannot be sent until a refreshed catalog states them.
            </dd>
          ) : (
            <dd>{describeDenominations(product.denominations, product.currencyCode)}</dd>
          )}
        </div>
        <div>
          <dt>Delivery</dt>
          <dd className="chips">
            {product.deliveryTypes.map((type) => (
              <span key={type} className="chip">
                {deliveryTypeLabels[type]}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Fee</dt>
          <dd>{feeCents === 0 ? 'none' : `${formatCents(feeCents, product.currencyCode)} per card`}</dd>
        </div>
        <div>
          <dt>Discount</dt>
          <dd>{discountPercentage === 0 ? 'none' : `${String(discountPercentage)} %`}</dd>
        </div>
      </dl>
      {product.terms === '' ? null : (
        <details className="product__terms">
          <summary>Terms</summary>
          <p>{product.terms}</p>
        </details>
      )}
    </li>
  );
};

export const CatalogScreen = () => {
  const status = useCatalogState((state) => state.status);
  const catalog = useCatalogState((state) => state.catalog);
  const error = useCatalogState((state) => state.error);
  const query = useCatalogState((state) => state.query);
  const queryChanged = useCatalogState((state) => state.queryChanged);
  const catalogRequested = useCatalogState((state) => state.catalogRequested);
  const refreshRequested = useCatalogState((state) => state.refreshRequested);
  const [now] = useState(() => Date.now());
  const products = useMemo(() => matchingProducts(catalog?.products ?? [], query), [catalog, query]);

  useEffect(() => {
    if (status === 'idle') void catalogRequested();
  }, [status, catalogRequested]);

  return (
    <section className="catalog" aria-label="Products">
      <div className="toolbar">
        <input
          className="input toolbar__search"
          type="search"
          placeholder="Search products by name, id or delivery type"
          aria-label="Search products"
          value={query}
          onChange={(event) => {
            queryChanged(event.target.value);
          }}
        />
        <span className="toolbar__meta" data-testid="catalog-age">
          {catalog === null
            ? ''
            : `${String(catalog.products.length)} products · updated ${describeAge(catalog.fetchedAt, now)}${
                catalog.source === 'cache' ? ' (cached)' : ''
              }`}
        </span>
        <button
          type="button"
          className="button"
          disabled={status === 'loading'}
          onClick={() => {
            void refreshRequested();
          }}
        >
          {status === 'loading' ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error === null ? null : (
        <p className="callout callout--error" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && products.length === 0 ? (
        <p className="muted">No product matches “{query}”.</p>
      ) : null}
      <ul className="product-list">
        {products.map((product) => (
          <ProductRow key={product.id} product={product} />
        ))}
      </ul>
    </section>
  );
};
