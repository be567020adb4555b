import { z } from 'zod';
import type { Denominations } from '../../common/catalog/product.ts';
import { decimalToCentsRounded, type Cents } from '../../common/money.ts';
import { err, ok, type Result } from '../../common/result.ts';

/**
 * The fields that may state a product's amounts, keys lower-cased (docs/provider-api.md §13.4): read as
 * they come, since a product whose amounts cannot be read is kept and shown as such, not dropped.
 */
export const wireProductAmountsSchema = z.object({
  denominationtype: z.unknown().optional(),
  denominations: z.unknown().optional(),
  minvalue: z.unknown().optional(),
  maxvalue: z.unknown().optional(),
  min: z.unknown().optional(),
  max: z.unknown().optional(),
  minimumvalue: z.unknown().optional(),
  maximumvalue: z.unknown().optional(),
  valuerestrictions: z.unknown().optional(),
});
export type WireProductAmounts = z.infer<typeof wireProductAmountsSchema>;

type Fields = Readonly<Record<string, unknown>>;

/** The spellings of a range's ends, as pairs, each with the name a message gives it. */
const rangeFields = [
  ['minvalue', 'maxvalue', 'MinValue', 'MaxValue'],
  ['min', 'max', 'Min', 'Max'],
  ['minimumvalue', 'maximumvalue', 'MinimumValue', 'MaximumValue'],
  ['minimum', 'maximum', 'Minimum', 'Maximum'],
] as const;

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** An amount as a JSON number, or as a decimal in a string: `25`, `25.5`, `"25.00"`. */
const readAmount = (value: unknown, name: string): Result<Cents, string> => {
  const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0
    ? ok(decimalToCentsRounded(number))
    : err(`${name} is ${JSON.stringify(value)}, not an amount`);
};

/** The first range stated in `fields`; undefined when none is. One end without the other is unreadable. */
const readRange = (fields: Fields, where: string): Result<{ min: Cents; max: Cents } | undefined, string> => {
  for (const [minField, maxField, minName, maxName] of rangeFields) {
    const [min, max] = [fields[minField], fields[maxField]];
    if (isAbsent(min) && isAbsent(max)) continue;
    if (isAbsent(min) || isAbsent(max)) {
      return err(
        `${where}${isAbsent(min) ? maxName : minName} is given without ${isAbsent(min) ? minName : maxName}`,
      );
    }
    const minCents = readAmount(min, `${where}${minName}`);
    if (!minCents.ok) return minCents;
    const maxCents = readAmount(max, `${where}${maxName}`);
    if (!maxCents.ok) return maxCents;
    if (minCents.value > maxCents.value || maxCents.value === 0) {
      return err(
        `${where}${minName} ${String(min)} and ${maxName} ${String(max)} are not a range of amounts`,
      );
    }
    return ok({ min: minCents.value, max: maxCents.value });
  }
  return ok(undefined);
};

const readStatedRange = (
  wire: WireProductAmounts,
): Result<{ min: Cents; max: Cents } | undefined, string> => {
  const top = readRange(wire, '');
  if (!top.ok || top.value !== undefined) return top;
  const { valuerestrictions } = wire;
  if (isAbsent(valuerestrictions)) return ok(undefined);
  if (typeof valuerestrictions !== 'object' || Array.isArray(valuerestrictions)) {
    return err('ValueRestrictions is not an object');
  }
  const nested = readRange(valuerestrictions as Fields, 'ValueRestrictions.');
  if (!nested.ok || nested.value !== undefined) return nested;
  return err('ValueRestrictions states no MinValue and MaxValue');
};

const readList = (denominations: unknown): Result<Cents[], string> => {
  if (isAbsent(denominations)) return ok([]);
  if (!Array.isArray(denominations)) return err('Denominations is not a list');
  const values: Cents[] = [];
  for (const [index, value] of denominations.entries()) {
    const cents = readAmount(value, `Denominations[${String(index)}]`);
    if (!cents.ok) return cents;
    values.push(cents.value);
  }
  return ok(values);
};

const unreadable = (problem: string): Denominations => ({ kind: 'unreadable', problem });
const variable = ({ min, max }: { min: Cents; max: Cents }): Denominations => ({
  kind: 'variable',
  minCents: min,
  maxCents: max,
});
const fixed = (values: readonly Cents[]): Denominations => ({
  kind: 'fixed',
  valuesCents: [...new Set(values)].sort((a, b) => a - b),
});

/**
 * Which amounts a product can be sent for, from whichever shape its amounts come in: a list of fixed
 * values, or a range as a `[min, max]` pair, `MinValue`/`MaxValue` (`Min`/`Max`…) or
 * `ValueRestrictions` (docs/provider-api.md §13.4). What cannot be read is `unreadable` with the reason,
 * never an empty list, so the product is shown as unreadable rather than as one with no amounts.
 */
export const readProductAmounts = (wire: WireProductAmounts): Denominations => {
  const type = typeof wire.denominationtype === 'string' ? wire.denominationtype.trim() : '';
  const range = readStatedRange(wire);
  if (!range.ok) return unreadable(range.error);
  const list = readList(wire.denominations);
  if (!list.ok) return unreadable(list.error);
  switch (type.toLowerCase()) {
    case 'fixed':
      return list.value.length > 0
        ? fixed(list.value)
        : unreadable('DenominationType is Fixed but Denominations lists no amounts');
    case 'variable': {
      if (range.value !== undefined) return variable(range.value);
      const [first, second, ...more] = list.value;
      if (first !== undefined && second !== undefined && more.length === 0) {
        return variable({ min: Math.min(first, second), max: Math.max(first, second) });
      }
      return unreadable(
        `DenominationType is Variable but no range is stated (expected MinValue and MaxValue, ValueRestrictions, or Denominations [min, max])${list.value.length === 0 ? '' : `; Denominations lists ${String(list.value.length)} amount${list.value.length === 1 ? '' : 's'}`}`,
      );
    }
    default:
      if (range.value !== undefined) return variable(range.value);
      if (list.value.length > 0) return fixed(list.value);
      return unreadable(
        `no amounts are stated${type === '' ? '' : ` for DenominationType ${JSON.stringify(type)}`}: expected Denominations, or MinValue and MaxValue`,
      );
  }
};
