import type { Product } from '../catalog/product.ts';
import type { Cents } from '../money.ts';
import { err, ok, type Result } from '../result.ts';
import { normalisePhone } from './normalise.ts';
import { parseAmount } from './parse-amount.ts';
import { parseTemplate, type MessageTemplate } from './placeholders.ts';
import { productRule, type ProductRule } from './product-rules.ts';
import type { ValidationContext } from './validation-types.ts';

/**
 * A validation context with its lookups worked out and its answers remembered, so 100,000 rows that
 * share a product, an amount and a message template parse each of them once.
 */
export interface PreparedContext {
  readonly context: ValidationContext;
  /** By id, then id in any case, then unique product name in any case: people paste brands. */
  readonly product: (text: string) => Result<ProductRule, string>;
  readonly amount: (text: string) => Result<Cents, string>;
  readonly template: (text: string) => Result<MessageTemplate, string>;
  /** normalisePhone in the context's default country; expects trimmed text. */
  readonly phone: (text: string) => Result<string, string>;
  /** Upper-cased id → the provider's spelling. */
  readonly shippingMethods: ReadonlyMap<string, string>;
}

// Keyed by the context object, so validateRow(row, context) in a loop prepares once without a second
// API. A caller that changes the catalog passes a new context (the types say readonly).
const prepared = new WeakMap<ValidationContext, PreparedContext>();

export const prepareContext = (context: ValidationContext): PreparedContext => {
  let entry = prepared.get(context);
  if (entry === undefined) {
    entry = build(context);
    prepared.set(context, entry);
  }
  return entry;
};

/** Enough for every distinct value of a real batch, small enough that a hostile one cannot grow it forever. */
const maxRemembered = 10_000;

const remember = <T>(compute: (text: string) => T): ((text: string) => T) => {
  const answers = new Map<string, T>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    const answer = compute(text);
    if (answers.size < maxRemembered) answers.set(text, answer);
    return answer;
  };
};

const build = (context: ValidationContext): PreparedContext => {
  const rules = new Map<Product, ProductRule>();
  const ruleFor = (product: Product): ProductRule => {
    let rule = rules.get(product);
    if (rule === undefined) {
      rule = productRule(product, context.deliveryType);
      rules.set(product, rule);
    }
    return rule;
  };
  let index: ReadonlyMap<string, Product[]> | undefined;
  const byLooseName = (): ReadonlyMap<string, Product[]> => (index ??= looseIndex(context.catalog));

  const findProduct = (text: string): Result<ProductRule, string> => {
    const id = text.trim();
    const exact = context.catalog.get(id);
    if (exact !== undefined) return ok(ruleFor(exact));
    const matches = byLooseName().get(id.toLowerCase()) ?? [];
    const [only] = matches;
    if (only !== undefined && matches.length === 1) return ok(ruleFor(only));
    if (matches.length > 1) {
      const ids = matches.map((product) => product.id).join(', ');
      return err(`Product "${id}" matches several products (${ids}): use the product id.`);
    }
    return err(`Unknown product ${id}: pick one from the Catalog.`);
  };

  return {
    context,
    product: remember(findProduct),
    amount: remember(parseAmount),
    template: remember(parseTemplate),
    // libphonenumber's max metadata costs microseconds a number (it tries a plan's patterns one by one),
    // and a batch often repeats one (a shared team phone, a person listed twice); the answer depends on
    // the text and the context's country alone.
    phone: remember((text) => normalisePhone(text, context.defaultCountry)),
    shippingMethods: new Map(context.shippingMethodIds.map((id) => [id.toUpperCase(), id])),
  };
};

/** Lower-cased id and name → products; an id and another product's name may collide, hence lists. */
const looseIndex = (catalog: ReadonlyMap<string, Product>): ReadonlyMap<string, Product[]> => {
  const index = new Map<string, Product[]>();
  const add = (key: string, product: Product) => {
    const list = index.get(key) ?? [];
    if (!list.includes(product)) list.push(product);
    index.set(key, list);
  };
  for (const product of catalog.values()) {
    add(product.id.toLowerCase(), product);
    add(product.name.trim().toLowerCase(), product);
  }
  return index;
};
