import { DynamicModule, Module } from '@nestjs/common';
import { OpenTelemetryModule } from 'nestjs-otel';

const OtelModule = OpenTelemetryModule.forRoot({
  metrics: {
    hostMetrics: true,
    apiMetrics: { enable: true, ignoreRoutes: ['/favicon.ico', '/health'] },
  },
});

@Module({})
export class TracingModule {
  static register(serviceName: string): DynamicModule {
    return { module: TracingModule, imports: [OtelModule], providers: [{ provide: 'SERVICE_NAME', useValue: serviceName }] };
  }
}
