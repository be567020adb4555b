import { assertNever } from '../../common/assert-never.ts';
import { centsToDecimal } from '../../common/money.ts';
import type { CatalogProduct } from './catalog-product.ts';
import type { SandboxOrder, SandboxOrderLine } from './order-model.ts';
import type { VariableShape } from './sandbox-options.ts';
import type { Balance } from './sandbox-state.ts';

/**
 * The wire: input property names are matched case-insensitively (lowerCaseKeys, shared with the API
 * client), output is PascalCase with money as decimal numbers (docs/provider-api.md §1, §13.2).
 * main/api/wire-mapping.ts writes the same fields from the client's side on purpose: the sandbox stands
 * in for the provider, so sharing one mapping would let a wrong field name pass both sides' tests.
 */
export const claimLink = (baseUrl: string, token: string): string => `${baseUrl}/claim/${token}`;

const lineToWire = (line: SandboxOrderLine, baseUrl: string) => ({
  Id: line.id,
  ProductId: line.productId,
  ExternalId: line.externalId,
  Value: centsToDecimal(line.valueCents),
  Quantity: line.quantity,
  Cost: centsToDecimal(line.costCents),
  Status: line.status,
  Culture: line.culture,
  Personalization:
    line.personalization === null
      ? null
      : {
          To: line.personalization.to,
          FromName: line.personalization.fromName,
          FromEmail: line.personalization.fromEmail,
          Message: line.personalization.message,
          DeliveryDate: line.personalization.deliveryDate,
        },
  DigitalDeliveryAddress:
    line.digitalDeliveryAddress === null
      ? null
      : { Email: line.digitalDeliveryAddress.email, Sms: line.digitalDeliveryAddress.sms },
  PhysicalDeliveryAddress:
    line.physicalDeliveryAddress === null
      ? null
      : {
          ShippingMethodId: line.physicalDeliveryAddress.shippingMethodId,
          CarrierId: line.physicalDeliveryAddress.carrierId,
          Name: line.physicalDeliveryAddress.name,
          AddressLine1: line.physicalDeliveryAddress.addressLine1,
          AddressLine2: line.physicalDeliveryAddress.addressLine2,
          City: line.physicalDeliveryAddress.city,
          State: line.physicalDeliveryAddress.state,
          Zip: line.physicalDeliveryAddress.zip,
          Country: line.physicalDeliveryAddress.country,
        },
  ClaimData: line.claims.map((claim) => ({
    Id: claim.id,
    ClaimLink: claimLink(baseUrl, claim.token),
    ClaimLinkChallengeAnswer: claim.challengeAnswer,
    BarcodePath: null,
    BarcodeType: null,
  })),
});

/** The order object of docs/provider-api.md §13.9. */
export const orderToWire = (order: SandboxOrder, baseUrl: string) => ({
  Id: order.id,
  PONumber: order.poNumber,
  Type: order.type,
  Status: order.status,
  Note: order.note,
  CreatedDate: order.createdDate,
  LineItems: order.lines.map((line) => lineToWire(line, baseUrl)),
});

/**
 * A product's amounts: a fixed product lists its face values; a variable one states its range in the
 * shape the variation asks for (docs/provider-api.md §13.4, §13.19), or, for `none`, not at all.
 */
const amountsToWire = (product: CatalogProduct, shape: VariableShape) => {
  const values = product.denominationsCents.map(centsToDecimal);
  if (product.denominationType === 'Fixed' || shape === 'pair') return { Denominations: values };
  const [min, max] = values;
  switch (shape) {
    case 'minmax':
      return { Denominations: [], MinValue: min, MaxValue: max };
    case 'restrictions':
      return { Denominations: [], ValueRestrictions: { MinValue: min, MaxValue: max } };
    case 'none':
      return { Denominations: [] };
    default:
      return assertNever(shape);
  }
};

/** The product object of docs/provider-api.md §4. */
export const productToWire = (product: CatalogProduct, shape: VariableShape = 'pair') => ({
  Id: product.id,
  Name: product.name,
  ShortDescription: product.shortDescription,
  LongDescription: product.longDescription,
  ...amountsToWire(product, shape),
  DenominationType: product.denominationType,
  Type: product.type,
  AvailableDeliveryTypes: product.availableDeliveryTypes,
  Terms: product.terms,
  Disclaimer: product.disclaimer,
  RedemptionNote: product.redemptionNote,
  Meta: {
    ShippingConfiguration: {
      FulfillmentGroup: product.fulfillmentGroup,
      HasRequiredCardCarriers: product.hasRequiredCardCarriers,
    },
  },
  Media: {
    Faceplates: product.faceplates.map((faceplate) => ({ Name: faceplate.name, Path: faceplate.path })),
  },
  Cost: { Fee: centsToDecimal(product.cost.feeCents), DiscountPercentage: product.cost.discountPercentage },
  Translations: product.translations.map((translation) => ({
    CultureCode: translation.cultureCode,
    Name: translation.name,
    Description: translation.description,
    TermsAndConditions: translation.termsAndConditions,
    SpecialTermsAndConditions: translation.specialTermsAndConditions,
    GeneralRedemptionInstructions: translation.generalRedemptionInstructions,
    OnlineRedemptionInstructions: translation.onlineRedemptionInstructions,
    InstoreRedemptionInstructions: translation.instoreRedemptionInstructions,
    PrintRedemptionInstructions: translation.printRedemptionInstructions,
  })),
  CurrencyCode: product.currencyCode,
  CultureCodes: product.cultureCodes,
});

export const balanceToWire = (balance: Balance) => ({
  Available: centsToDecimal(balance.availableCents),
  Pending: centsToDecimal(balance.pendingCents),
  CurrencyCode: 'USD',
});
