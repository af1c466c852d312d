import { Counter as PromCounter, type CounterConfiguration } from 'prom-client';

export const createCounter = <T extends string>(options: CounterConfiguration<T>): PromCounter<T> => {
  const counter = new PromCounter<T>(options);
  return counter;
};
