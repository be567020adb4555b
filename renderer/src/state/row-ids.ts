/**
 * Row ids only need to be unique within a draft, yet an import makes 100,000 of them in one go, where
 * crypto.randomUUID() per row held the UI thread for about 150 ms. One random prefix per page load plus a
 * counter is as unique (a reload gets a new prefix) for the cost of a string concatenation.
 */
const pageLoad = crypto.randomUUID();
let issued = 0;

export const newRowId = (): string => {
  issued += 1;
  return `${pageLoad}-${issued.toString(36)}`;
};
