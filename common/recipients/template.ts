import Papa from 'papaparse';
import type { DeliveryType } from '../catalog/product.ts';
import { fieldsForDeliveryType, type RecipientField, type RecipientRow } from './fields.ts';

const examples: readonly RecipientRow[] = [
  {
    first_name: 'Dana',
    last_name: 'Whitfield',
    email: 'dana.whitfield@example.com',
    sms: '+12125550123',
    amount: '25.00',
    quantity: '1',
    message: 'Thank you, {first_name}!',
    from_name: 'People Team',
    address_line1: '1 Example Way',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    country: 'US',
    shipping_method: 'STANDARD',
    reference: 'E-1001',
  },
  {
    first_name: 'Luis',
    last_name: 'Ortega',
    email: 'luis.ortega@example.com',
    amount: '50',
    quantity: '1',
    message: 'Happy holidays, {first_name}. Enjoy {amount} on us.',
    from_name: 'People Team',
    address_line1: '20 Harbor Rd',
    address_line2: 'Apt 4',
    city: 'Boston',
    state: 'MA',
    zip: '02134',
    country: 'US',
    shipping_method: 'EXPEDITED',
    reference: 'E-1002',
  },
];

/** A product of the embedded sandbox's catalog that offers the delivery type, so the examples pass. */
const exampleProduct: Readonly<Record<DeliveryType, string>> = {
  DigitalDelivery: 'NORTHWIND-COFFEE',
  Links: 'NORTHWIND-COFFEE',
  PhysicalShipment: 'NORTHWIND-COFFEE-CARD',
};

/** "Save template": the canonical headers for a delivery type and two example rows, as CSV. */
export const recipientTemplateCsv = (deliveryType: DeliveryType): string => {
  const fields: readonly RecipientField[] = fieldsForDeliveryType[deliveryType];
  const rows = examples.map((row) => ({ ...row, product_id: exampleProduct[deliveryType] }));
  return Papa.unparse(
    { fields: [...fields], data: rows.map((row) => fields.map((field) => row[field] ?? '')) },
    { newline: '\r\n' },
  );
};
