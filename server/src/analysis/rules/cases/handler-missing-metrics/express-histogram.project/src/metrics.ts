import { Counter, Registry } from 'prom-client';

export const registry = new Registry();

export const ordersPlaced = new Counter({ name: 'orders_placed_total', help: 'Orders placed', registers: [registry] });
