import { Histogram, type HistogramConfiguration } from 'prom-client';

export const createHistogram = <T extends string>(options: HistogramConfiguration<T>) => new Histogram(options);
