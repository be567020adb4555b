import type { DeliveryType } from '../../../../common/catalog/product.ts';
import { recipientTemplateCsv } from '../../../../common/recipients/template.ts';

const templateFileNames: Record<DeliveryType, string> = {
  DigitalDelivery: 'giftbatch-template-email-sms.csv',
  Links: 'giftbatch-template-claim-links.csv',
  PhysicalShipment: 'giftbatch-template-physical-cards.csv',
};

/** Saves a CSV with this delivery type's columns and two example rows, to fill in a spreadsheet. */
export const SaveTemplateButton = ({ deliveryType }: { deliveryType: DeliveryType }) => (
  <button
    type="button"
    className="button"
    onClick={() => {
      // A BOM so Excel on Windows opens the UTF-8 file with the right characters.
      const blob = new Blob(['\uFEFF', recipientTemplateCsv(deliveryType)], {
        type: 'text/csv;charset=utf-8',
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = templateFileNames[deliveryType];
      link.click();
      URL.revokeObjectURL(link.href);
    }}
  >
    Save template
  </button>
);
