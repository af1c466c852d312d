// @case library=pino loggerModule=src/logger.ts path=src/components/Cart.tsx
'use client';
// A client component runs in the browser: no server logger there (importing one would break the bundle).
export function Cart({ items }: { items: string[] }) {
  console.log('cart rendered', items.length);
  return null;
}
