import { formatCents } from '../../common/money.ts';
import { findCatalogProduct } from './catalog-seed.ts';
import { type Reply } from './http-io.ts';
import { defineRoute, type Route } from './route.ts';
import type { SandboxContext } from './sandbox-context.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const page = (status: number, title: string, body: string): Reply => ({
  kind: 'html',
  status,
  html: `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
  <body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto">
    ${body}
  </body>
</html>
`,
});

/** GET /claim/<token>: what a recipient of a Links order would open (a sandbox stand-in, no redemption). */
export const createClaimPageRoutes = (context: SandboxContext): Route[] => [
  defineRoute('GET', '/claim/{token}', { requiresToken: false }, ({ params }) => {
    const found = context.state.findClaim(params[0] ?? '');
    if (found === undefined) {
      return page(404, 'Claim link not found', '<h1>Claim link not found</h1><p>This link is not valid.</p>');
    }
    const productName = findCatalogProduct(found.line.productId)?.name ?? found.line.productId;
    const value = formatCents(found.line.valueCents);
    return page(
      200,
      `${productName} ${value}`,
      `<h1>${escapeHtml(productName)}</h1>
    <p>Gift card value: <strong>${escapeHtml(value)}</strong></p>
    <p>Sandbox claim page: enter the challenge answer you were given to reveal the card. Nothing here is real.</p>`,
    );
  }),
];
