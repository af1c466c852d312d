import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { PageController } from './pages/page.controller';

@Module({ imports: [LoggerModule.forRoot()], controllers: [PageController] })
export class AppModule {}
