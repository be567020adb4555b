import type { Cents, ProductCost } from '../../common/money.ts';
import { assertNever } from '../../common/assert-never.ts';

export const deliveryTypes = ['DigitalDelivery', 'Links', 'PhysicalShipment'] as const;
export type DeliveryType = (typeof deliveryTypes)[number];
export type ProductType = 'Digital' | 'Physical';
export type DenominationType = 'Fixed' | 'Variable';

export interface ProductTranslation {
  readonly cultureCode: string;
  readonly name: string;
  readonly description: string;
  readonly termsAndConditions: string;
  readonly specialTermsAndConditions: string;
  readonly generalRedemptionInstructions: string;
  readonly onlineRedemptionInstructions: string;
  readonly instoreRedemptionInstructions: string;
  readonly printRedemptionInstructions: string;
}

/** A catalog product as the sandbox holds it: the fields of docs/provider-api.md §4, money in cents. */
export interface CatalogProduct {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: string;
  readonly longDescription: string;
  readonly denominationType: DenominationType;
  /** Fixed: the allowed face values; Variable: [min, max]. */
  readonly denominationsCents: readonly Cents[];
  readonly type: ProductType;
  readonly availableDeliveryTypes: readonly DeliveryType[];
  readonly terms: string;
  readonly disclaimer: string;
  readonly redemptionNote: string;
  readonly fulfillmentGroup: string;
  readonly hasRequiredCardCarriers: boolean;
  readonly faceplates: readonly { readonly name: string; readonly path: string }[];
  readonly cost: ProductCost;
  readonly translations: readonly ProductTranslation[];
  readonly currencyCode: 'USD';
  readonly cultureCodes: readonly string[];
}

export type TranslatedCulture = 'fr' | 'es';

/** The few facts that differ between seed products; the prose around them is written once, below. */
export interface ProductSpec {
  readonly id: string;
  readonly brand: string;
  readonly tagline: string;
  readonly type: ProductType;
  readonly denominations:
    { readonly fixedCents: readonly Cents[] } | { readonly minCents: Cents; readonly maxCents: Cents };
  readonly deliveryTypes: readonly DeliveryType[];
  readonly feeCents?: Cents;
  readonly discountPercentage?: number;
  readonly translations?: readonly TranslatedCulture[];
  readonly hasRequiredCardCarriers?: boolean;
}

const websiteOf = (spec: ProductSpec): string => `www.${spec.id.toLowerCase()}.example`;

const termsFor = (spec: ProductSpec): string =>
  `This gift card is issued by ${spec.brand} Gift Card Services, LLC, which is solely responsible for ` +
  `honoring it. Redeemable for merchandise or services at participating ${spec.brand} locations in the ` +
  `United States and at ${websiteOf(spec)}. Not redeemable for cash or credit except where required by ` +
  'law. The card does not expire and no dormancy or service fees apply. Lost or stolen cards can be ' +
  'replaced only with proof of purchase. Use of this card constitutes acceptance of these terms.';

const translationFor = (spec: ProductSpec, culture: TranslatedCulture): ProductTranslation => {
  const website = websiteOf(spec);
  switch (culture) {
    case 'fr':
      return {
        cultureCode: 'fr',
        name: `Carte-cadeau ${spec.brand}`,
        description: `Une carte-cadeau ${spec.brand}, utilisable en magasin et sur ${website}.`,
        termsAndConditions:
          `Carte émise par ${spec.brand} Gift Card Services, LLC. Non remboursable et non échangeable ` +
          "contre de l'argent, sauf si la loi l'exige. Elle n'expire pas.",
        specialTermsAndConditions: 'Valable uniquement aux États-Unis.',
        generalRedemptionInstructions:
          'Présentez la carte à la caisse ou utilisez-la lors du paiement en ligne.',
        onlineRedemptionInstructions: `Saisissez le numéro de la carte et le code PIN lors du paiement sur ${website}.`,
        instoreRedemptionInstructions: 'Présentez le code-barres à la caisse.',
        printRedemptionInstructions: 'Imprimez cette carte et présentez-la à la caisse.',
      };
    case 'es':
      return {
        cultureCode: 'es',
        name: `Tarjeta de regalo ${spec.brand}`,
        description: `Una tarjeta de regalo ${spec.brand} para usar en tiendas y en ${website}.`,
        termsAndConditions:
          `Tarjeta emitida por ${spec.brand} Gift Card Services, LLC. No canjeable por dinero en efectivo, ` +
          'salvo cuando la ley lo exija. No caduca.',
        specialTermsAndConditions: 'Válida solo en los Estados Unidos.',
        generalRedemptionInstructions: 'Presente la tarjeta en la caja o úsela al pagar en línea.',
        onlineRedemptionInstructions: `Introduzca el número de la tarjeta y el PIN al pagar en ${website}.`,
        instoreRedemptionInstructions: 'Muestre el código de barras en la caja.',
        printRedemptionInstructions: 'Imprima esta tarjeta y preséntela en la caja.',
      };
    default:
      return assertNever(culture);
  }
};

export const defineProduct = (spec: ProductSpec): CatalogProduct => {
  const isPhysical = spec.type === 'Physical';
  const isFixed = 'fixedCents' in spec.denominations;
  const translations = (spec.translations ?? []).map((culture) => translationFor(spec, culture));
  return {
    id: spec.id,
    name: `${spec.brand} ${isPhysical ? 'Gift Card' : 'eGift Card'}`,
    shortDescription: spec.tagline,
    longDescription:
      `${spec.tagline} ${isPhysical ? 'A plastic card mailed in a greeting carrier' : 'Delivered in minutes'}, ` +
      `redeemable in participating stores and online at ${websiteOf(spec)}.`,
    denominationType: isFixed ? 'Fixed' : 'Variable',
    denominationsCents:
      'fixedCents' in spec.denominations
        ? spec.denominations.fixedCents
        : [spec.denominations.minCents, spec.denominations.maxCents],
    type: spec.type,
    availableDeliveryTypes: spec.deliveryTypes,
    terms: termsFor(spec),
    disclaimer:
      `${spec.brand} is not a sponsor of this reward program. ${spec.brand} and its logos are trademarks of ` +
      'their respective owners. Sandbox product: the brand is fictional.',
    redemptionNote: isPhysical
      ? `Activate the card at ${websiteOf(spec)}/activate, then present it at checkout.`
      : 'Show the barcode at checkout, or enter the card number and PIN when paying online.',
    fulfillmentGroup: isPhysical ? 'PLASTIC-STANDARD' : '',
    hasRequiredCardCarriers: spec.hasRequiredCardCarriers ?? false,
    faceplates: [
      { name: 'default', path: `https://sandbox-cdn.example/faceplates/${spec.id.toLowerCase()}.png` },
    ],
    cost: { feeCents: spec.feeCents ?? 0, discountPercentage: spec.discountPercentage ?? 0 },
    translations,
    currencyCode: 'USD',
    cultureCodes: ['en-US', ...translations.map((translation) => translation.cultureCode)],
  };
};
